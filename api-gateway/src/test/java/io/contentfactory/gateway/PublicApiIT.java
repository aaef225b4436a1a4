package io.contentfactory.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.contentfactory.gateway.Tenants.Tenant;
import io.contentfactory.testkit.KafkaResource;
import io.contentfactory.testkit.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The public /v1 edge in front of a real ingest-service process. */
@QuarkusTest
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(ServicesBehindGateway.class)
class PublicApiIT {

    private static final String OPERATOR = Tenants.OPERATOR;
    private static final Duration WAIT = Duration.ofSeconds(90);

    private Tenant a;
    private Tenant b;

    @BeforeEach
    void twoProjects() {
        a = Tenants.create("read", "write");
        b = Tenants.create("read", "write");
    }

    @Test
    void aKeyReachesItsOwnMediaAndAnotherProjectsKeyGetsNotFound() throws Exception {
        UUID media = Tenants.mediaOf(a);
        String requestId = "req-" + UUID.randomUUID();

        given().auth()
                .oauth2(a.key())
                .header("X-Request-Id", requestId)
                .get("/v1/media/{id}", media)
                .then()
                .statusCode(200)
                .header("X-Request-Id", requestId)
                .body("id", equalTo(media.toString()));

        Response other =
                given().auth().oauth2(b.key()).header("X-Request-Id", requestId).get("/v1/media/{id}", media);
        other.then().statusCode(404).contentType("application/problem+json").body("requestId", equalTo(requestId));
        Response unknown = given().auth()
                .oauth2(b.key())
                .header("X-Request-Id", requestId)
                .get("/v1/media/{id}", UUID.randomUUID());
        assertThat(other.asString().replaceAll("[0-9a-f-]{36}", "ID"))
                .isEqualTo(unknown.asString().replaceAll("[0-9a-f-]{36}", "ID"));
    }

    @Test
    void missingMalformedAndMistypedKeysAreUnauthorized() {
        String typo = a.key().substring(0, 20)
                + (a.key().charAt(20) == 'x' ? 'y' : 'x')
                + a.key().substring(21);
        for (String header :
                new String[] {null, "Bearer ", "Bearer nonsense", "Basic dXNlcjpwYXNz", "Bearer " + typo}) {
            var request = given();
            if (header != null) {
                request.header("Authorization", header);
            }
            request.get("/v1/media/{id}", UUID.randomUUID())
                    .then()
                    .statusCode(401)
                    .contentType("application/problem+json")
                    .header("WWW-Authenticate", "Bearer realm=\"content-factory\"")
                    .body("code", equalTo("invalid_api_key"));
        }
    }

    @Test
    void rotationAndRevocationStopTheOldKeyAndExpiryEndsAKey() {
        UUID anything = UUID.randomUUID();
        Map<String, Object> rotated = given().header("Authorization", OPERATOR)
                .post("/admin/keys/{id}/rotate", a.keyId())
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getMap("");
        String successor = (String) rotated.get("key");
        await().atMost(WAIT).until(() -> status(a.key(), anything) == 401);
        assertThat(status(successor, anything)).isEqualTo(404);

        given().header("Authorization", OPERATOR)
                .delete("/admin/keys/{id}", rotated.get("id"))
                .then()
                .statusCode(204);
        await().atMost(WAIT).until(() -> status(successor, anything) == 401);

        String shortLived = given().header("Authorization", OPERATOR)
                .contentType("application/json")
                .body(Map.of(
                        "scopes",
                        List.of("read"),
                        "expiresAt",
                        Instant.now().plusSeconds(3).toString()))
                .post("/admin/projects/{id}/keys", a.projectId())
                .then()
                .statusCode(201)
                .extract()
                .path("key");
        assertThat(status(shortLived, anything)).isEqualTo(404);
        await().atMost(WAIT).until(() -> status(shortLived, anything) == 401);

        List<Map<String, Object>> keys = given().header("Authorization", OPERATOR)
                .get("/admin/projects/{id}/keys", a.projectId())
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("");
        assertThat(keys).allSatisfy(key -> assertThat(key).doesNotContainKey("key"));
        assertThat(keys).anySatisfy(key -> assertThat(key.get("lastUsedAt")).isNotNull());
    }

    @Test
    void aReadOnlyKeyCannotWrite() {
        Tenant reader = Tenants.create("read");
        given().auth()
                .oauth2(reader.key())
                .contentType("application/json")
                .body("{}")
                .post("/v1/media")
                .then()
                .statusCode(403)
                .body("code", equalTo("insufficient_scope"));
    }

    @Test
    void aProjectOverItsRateLimitIsToldWhenToRetry() throws Exception {
        sql("update gateway.projects set rate_limit_per_second = 1, rate_limit_burst = 2 where id = '" + b.projectId()
                + "'");
        Tenant limited = new Tenant(
                b.projectId(),
                b.slug(),
                given().header("Authorization", OPERATOR)
                        .contentType("application/json")
                        .body(Map.of("scopes", List.of("read")))
                        .post("/admin/projects/{id}/keys", b.projectId())
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("key"),
                null);
        List<Integer> statuses = new ArrayList<>();
        Response last = null;
        for (int i = 0; i < 4; i++) {
            last = given().auth().oauth2(limited.key()).get("/v1/media/{id}", UUID.randomUUID());
            statuses.add(last.statusCode());
        }
        assertThat(statuses).startsWith(404, 404).contains(429);
        assertThat(last.statusCode()).isEqualTo(429);
        assertThat(last.header("Retry-After")).isEqualTo("1");
        assertThat(last.jsonPath().getString("code")).isEqualTo("rate_limited");
    }

    @Test
    void theDatabaseHoldsNoKeyFromWhichAWorkingKeyCanBeRecovered() throws Exception {
        String secret = a.key().substring("cf_live_".length() + 11, a.key().length() - 7);
        List<String> cells = new ArrayList<>();
        try (Connection c = PostgresResource.database().connect();
                Statement s = c.createStatement();
                ResultSet tables = c.getMetaData().getTables(null, "gateway", "%", new String[] {"TABLE"})) {
            List<String> names = new ArrayList<>();
            while (tables.next()) {
                names.add(tables.getString("TABLE_NAME"));
            }
            for (String table : names) {
                try (ResultSet rows = s.executeQuery("select * from gateway." + table)) {
                    while (rows.next()) {
                        for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
                            cells.add(String.valueOf(rows.getString(i)));
                        }
                    }
                }
            }
        }
        assertThat(cells).isNotEmpty().noneMatch(cell -> cell.contains(secret) || cell.contains(a.key()));
    }

    private static int status(String key, UUID mediaId) {
        return given().auth().oauth2(key).get("/v1/media/{id}", mediaId).statusCode();
    }

    private static void sql(String statement) throws Exception {
        try (Connection c = PostgresResource.database().connect();
                Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }
}
