package io.contentfactory.ingest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.contentfactory.contracts.EventCodec;
import io.contentfactory.contracts.Topics;
import io.contentfactory.contracts.events.ProjectCreated;
import io.contentfactory.testkit.InternalTokens;
import io.contentfactory.testkit.KafkaResource;
import io.contentfactory.testkit.PostgresResource;
import io.contentfactory.testkit.TestMedia;
import io.contentfactory.testkit.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Services trust only the gateway's signed internal token, and answer only for the project it names. */
@QuarkusTest
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(PostgresResource.class)
class InternalTokenIT {

    private static final Path INBOX = Path.of("target/test-inbox").toAbsolutePath();
    private static final InternalTokens TOKENS = InternalTokens.forService("ingest-service");
    private final TopicProbe kafka = TopicProbe.onTestBroker();
    private UUID projectId;
    private UUID mediaId;

    @BeforeEach
    void mediaOfOneProject() throws Exception {
        projectId = UUID.randomUUID();
        String slug = "tok-" + projectId.toString().substring(0, 8);
        kafka.send(
                Topics.PROJECT_CREATED,
                projectId.toString(),
                EventCodec.toJson(EventCodec.envelope(
                        UUID.randomUUID(),
                        "/content-factory/api-gateway",
                        projectId,
                        Instant.now(),
                        new ProjectCreated(projectId, slug, slug, "UTC"))));
        await().atMost(Duration.ofSeconds(60)).until(() -> Files.isDirectory(INBOX.resolve(slug)));
        Files.write(INBOX.resolve(slug).resolve("photo.jpg"), TestMedia.jpeg(40, 30));
        await().atMost(Duration.ofSeconds(60)).until(() -> (mediaId = mediaOf(projectId)) != null);
    }

    @Test
    void aValidTokenOfTheOwningProjectReadsTheMedia() {
        given().auth()
                .oauth2(TOKENS.valid(projectId, "read"))
                .get("/v1/media/{id}", mediaId)
                .then()
                .statusCode(200)
                .body("status", equalTo("ingested"))
                .body("fileName", equalTo("photo.jpg"));
    }

    @Test
    void anotherProjectsTokenGetsNotFoundAsIfTheMediaDidNotExist() {
        String body = given().auth()
                .oauth2(TOKENS.valid(UUID.randomUUID(), "read"))
                .get("/v1/media/{id}", mediaId)
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .extract()
                .asString();
        String unknown = given().auth()
                .oauth2(TOKENS.valid(UUID.randomUUID(), "read"))
                .get("/v1/media/{id}", UUID.randomUUID())
                .then()
                .statusCode(404)
                .extract()
                .asString();
        org.assertj.core.api.Assertions.assertThat(body.replace(mediaId.toString(), "ID"))
                .isEqualTo(unknown.replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "ID"));
    }

    @Test
    void forgedTokensAreRejected() {
        given().get("/v1/media/{id}", mediaId).then().statusCode(401);
        given().header("X-Project-Id", projectId.toString())
                .get("/v1/media/{id}", mediaId)
                .then()
                .statusCode(401);
        given().auth()
                .oauth2(TOKENS.expired(projectId))
                .get("/v1/media/{id}", mediaId)
                .then()
                .statusCode(401);
        given().auth()
                .oauth2(TOKENS.signedWithAnotherKey(projectId))
                .get("/v1/media/{id}", mediaId)
                .then()
                .statusCode(401);
        given().auth()
                .oauth2(TOKENS.unsigned(projectId))
                .get("/v1/media/{id}", mediaId)
                .then()
                .statusCode(401);
        given().auth()
                .oauth2(TOKENS.addressedTo("analysis-service", projectId))
                .get("/v1/media/{id}", mediaId)
                .then()
                .statusCode(401);
        given().auth()
                .oauth2(TOKENS.withAudience("analysis-service", projectId))
                .get("/v1/media/{id}", mediaId)
                .then()
                .statusCode(401);
    }

    @Test
    void anIdThatIsNotAUuidIsABadRequest() {
        given().auth()
                .oauth2(TOKENS.valid(projectId, "read"))
                .get("/v1/media/not-a-uuid")
                .then()
                .statusCode(400)
                .body("code", equalTo("invalid_id"));
    }

    private static UUID mediaOf(UUID projectId) throws Exception {
        try (Connection c = PostgresResource.database().connect();
                Statement s = c.createStatement();
                ResultSet rs =
                        s.executeQuery("select id from ingest.media_assets where project_id = '" + projectId + "'")) {
            return rs.next() ? UUID.fromString(rs.getString(1)) : null;
        }
    }
}
