package io.contentfactory.publisher;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.contentfactory.contracts.EventCodec;
import io.contentfactory.contracts.Topics;
import io.contentfactory.contracts.events.CaptionParts;
import io.contentfactory.contracts.events.MediaType;
import io.contentfactory.contracts.events.Platform;
import io.contentfactory.contracts.events.PostDue;
import io.contentfactory.contracts.events.PostFailed;
import io.contentfactory.contracts.events.PostFormat;
import io.contentfactory.testkit.InternalTokens;
import io.contentfactory.testkit.KafkaResource;
import io.contentfactory.testkit.PostgresResource;
import io.contentfactory.testkit.SandboxResource;
import io.contentfactory.testkit.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** /v1/connections: tokens go in encrypted and never come out; a connection belongs to one project; disabled ones do not publish. */
@QuarkusTest
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(
        value = SandboxResource.class,
        initArgs = @ResourceArg(name = "base-url-properties", value = PublishFlowIT.SANDBOX_URLS))
@QuarkusTestResource(MediaServer.class)
class ConnectionsIT {

    private static final InternalTokens TOKENS = InternalTokens.forService("publisher-service");
    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private final TopicProbe kafka = TopicProbe.onTestBroker();

    @Test
    void tokensAreStoredEncryptedAndNeverReturned() throws Exception {
        UUID projectId = UUID.randomUUID();
        String access = "access-" + UUID.randomUUID();
        String refresh = "refresh-" + UUID.randomUUID();
        Response created = create(
                projectId,
                Map.of(
                        "platform",
                        "Instagram",
                        "accountId",
                        "acct-1",
                        "label",
                        "Main",
                        "accessToken",
                        access,
                        "refreshToken",
                        refresh,
                        "expiresAt",
                        Instant.now().plusSeconds(3600).toString()));
        created.then()
                .statusCode(201)
                .body("platform", equalTo("instagram"))
                .body("status", equalTo("active"))
                .body("hasRefreshToken", equalTo(true));
        String id = created.path("id");
        String shown = created.asString()
                + as(projectId).get("/v1/connections/{id}", id).asString()
                + as(projectId).get("/v1/connections").asString();
        assertThat(shown).doesNotContain(access).doesNotContain(refresh).doesNotContainIgnoringCase("token\":\"");

        List<String> cells = allCells("publisher");
        assertThat(cells).isNotEmpty().noneMatch(cell -> cell.contains(access) || cell.contains(refresh));
        assertThat(row("select token_key_id, length(access_token) as n from publisher.platform_connections where id = '"
                        + id + "'"))
                .containsEntry("token_key_id", "new");
    }

    @Test
    void anAccountIsConnectedOncePerProject() {
        UUID projectId = UUID.randomUUID();
        Map<String, Object> body = Map.of("platform", "instagram", "accountId", "acct-dup", "accessToken", "t");
        create(projectId, body).then().statusCode(201);
        create(projectId, body)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("code", equalTo("connection_exists"));
        create(UUID.randomUUID(), body).then().statusCode(201);
    }

    @Test
    void badRequestsGetTheirOwnCodes() {
        UUID projectId = UUID.randomUUID();
        create(projectId, Map.of("platform", "myspace", "accountId", "a", "accessToken", "t"))
                .then()
                .statusCode(400)
                .body("code", equalTo("invalid_platform"));
        create(projectId, Map.of("platform", "instagram", "accountId", "a"))
                .then()
                .statusCode(400);
        create(projectId, Map.of("platform", "instagram", "accountId", "a", "accessToken", "t", "password", "x"))
                .then()
                .statusCode(400)
                .body("code", equalTo("unknown_field"));
        String id = create(projectId, Map.of("platform", "tiktok", "accountId", "a", "accessToken", "t"))
                .path("id");
        as(projectId)
                .contentType("application/json")
                .body(Map.of("status", "deleted"))
                .patch("/v1/connections/{id}", id)
                .then()
                .statusCode(400)
                .body("code", equalTo("invalid_status"));
        as(projectId)
                .contentType("application/json")
                .body(Map.of("refreshToken", "r"))
                .patch("/v1/connections/{id}", id)
                .then()
                .statusCode(400)
                .body("code", equalTo("access_token_required"));
        as(projectId).get("/v1/connections/not-a-uuid").then().statusCode(400).body("code", equalTo("invalid_id"));
    }

    @Test
    void anotherProjectCannotSeeOrChangeAConnection() {
        UUID owner = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        String id = create(owner, Map.of("platform", "youtube", "accountId", "chan", "accessToken", "t"))
                .path("id");

        String foreign = as(other)
                .get("/v1/connections/{id}", id)
                .then()
                .statusCode(404)
                .extract()
                .asString();
        String unknown = as(other)
                .get("/v1/connections/{id}", UUID.randomUUID())
                .then()
                .statusCode(404)
                .extract()
                .asString();
        assertThat(foreign.replaceAll("[0-9a-f-]{36}", "ID")).isEqualTo(unknown.replaceAll("[0-9a-f-]{36}", "ID"));
        as(other)
                .contentType("application/json")
                .body(Map.of("status", "disabled"))
                .patch("/v1/connections/{id}", id)
                .then()
                .statusCode(404);
        as(other).get("/v1/connections").then().statusCode(200).body("size()", equalTo(0));
        as(owner).get("/v1/connections/{id}", id).then().statusCode(200).body("status", equalTo("active"));
    }

    @Test
    void onlyAGenuineTokenForThisServiceIsAccepted() {
        UUID projectId = UUID.randomUUID();
        given().get("/v1/connections").then().statusCode(401);
        given().header("X-Project-Id", projectId.toString())
                .get("/v1/connections")
                .then()
                .statusCode(401);
        for (String forged : List.of(
                TOKENS.expired(projectId),
                TOKENS.signedWithAnotherKey(projectId),
                TOKENS.unsigned(projectId),
                TOKENS.addressedTo("ingest-service", projectId),
                TOKENS.withAudience("ingest-service", projectId))) {
            given().auth().oauth2(forged).get("/v1/connections").then().statusCode(401);
        }
        as(projectId).get("/v1/connections").then().statusCode(200);
    }

    @Test
    void aDisabledConnectionRefusesToPublishAndAMissingOneToo() {
        UUID projectId = UUID.randomUUID();
        String id = create(
                        projectId,
                        Map.of(
                                "platform",
                                "instagram",
                                "accountId",
                                "sandbox-ig-account",
                                "accessToken",
                                "sandbox-token"))
                .path("id");
        as(projectId)
                .contentType("application/json")
                .body(Map.of("status", "disabled"))
                .patch("/v1/connections/{id}", id)
                .then()
                .statusCode(200)
                .body("status", equalTo("disabled"));

        PostFailed disabled = publishAndFail(projectId, "sandbox-ig-account");
        assertThat(disabled.error().code()).isEqualTo("connection_disabled");
        assertThat(disabled.error().retryable()).isFalse();

        PostFailed missing = publishAndFail(projectId, "no-such-account");
        assertThat(missing.error().code()).isEqualTo("connection_not_found");
        assertThat(row("select count(*) as n from publisher.publish_jobs where project_id = '" + projectId
                        + "' and status = 'failed'"))
                .containsEntry("n", "2");
    }

    private PostFailed publishAndFail(UUID projectId, String account) {
        PostDue due = new PostDue(
                UUID.randomUUID(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                Platform.INSTAGRAM,
                account,
                PostFormat.FEED_IMAGE,
                MediaType.IMAGE,
                MediaServer.url("cover.jpg"),
                "image/jpeg",
                new CaptionParts("Hello", null, List.of()),
                Instant.now());
        kafka.send(Topics.POST_DUE, due.postId().toString(), PublishFlowIT.envelope(projectId, due));
        return EventCodec.data(
                EventCodec.parse(kafka.awaitOne(
                                Topics.POST_FAILED,
                                r -> r.value().contains(due.targetId().toString()),
                                TIMEOUT)
                        .value()),
                PostFailed.class);
    }

    private static Response create(UUID projectId, Map<String, ?> body) {
        return as(projectId).contentType("application/json").body(body).post("/v1/connections");
    }

    private static io.restassured.specification.RequestSpecification as(UUID projectId) {
        return given().auth().oauth2(TOKENS.valid(projectId, "read", "write"));
    }

    private static Map<String, String> row(String sql) {
        return PublishFlowIT.job(sql);
    }

    /** Every cell of every table of the schema, bytea cells both as hex and as text. */
    private static List<String> allCells(String schema) throws Exception {
        List<String> cells = new ArrayList<>();
        try (Connection c = PostgresResource.database().connect();
                Statement s = c.createStatement();
                ResultSet tables = c.getMetaData().getTables(null, schema, "%", new String[] {"TABLE"})) {
            List<String> names = new ArrayList<>();
            while (tables.next()) {
                names.add(tables.getString("TABLE_NAME"));
            }
            for (String table : names) {
                try (ResultSet rows = s.executeQuery("select * from " + schema + "." + table)) {
                    while (rows.next()) {
                        for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
                            byte[] raw = rows.getBytes(i);
                            cells.add(String.valueOf(rows.getString(i)));
                            cells.add(raw == null ? "" : new String(raw, StandardCharsets.ISO_8859_1));
                        }
                    }
                }
            }
        }
        return cells;
    }
}
