package io.contentfactory.ingest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
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
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** GET /v1/media: one project's media, newest first, in pages, with its parameters checked. */
@QuarkusTest
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(PostgresResource.class)
class MediaListIT {

    private static final Path INBOX = Path.of("target/test-inbox").toAbsolutePath();
    private static final InternalTokens TOKENS = InternalTokens.forService("ingest-service");
    private final TopicProbe kafka = TopicProbe.onTestBroker();
    private UUID projectId;

    @BeforeEach
    void threeImagesOfOneProject() throws Exception {
        projectId = UUID.randomUUID();
        String slug = "list-" + projectId.toString().substring(0, 8);
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
        for (int i = 0; i < 3; i++) {
            Files.write(INBOX.resolve(slug).resolve("image-" + i + ".jpg"), TestMedia.jpeg(20 + i, 20));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> count(projectId) == 3);
    }

    @Test
    void theDatabaseChecksTheSameMediaStatusesAsTheEnum() {
        io.contentfactory.testkit.CheckConstraints.listExactly(
                "media_assets_status_check", io.contentfactory.ingest.domain.MediaStatus.class);
    }

    @Test
    void pagesWalkEveryItemOnceNewestFirst() {
        List<String> seen = new ArrayList<>();
        List<String> createdAt = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = given().auth().oauth2(TOKENS.valid(projectId, "read")).queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("after", cursor);
            }
            var page = request.get("/v1/media").then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("items.id"));
            createdAt.addAll(page.getList("items.createdAt"));
            cursor = page.getString("nextCursor");
            pages++;
        } while (cursor != null);

        assertThat(pages).isEqualTo(2);
        assertThat(seen).hasSize(3).doesNotHaveDuplicates();
        assertThat(createdAt).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    @Test
    void anotherProjectSeesNoneOfIt() {
        given().auth()
                .oauth2(TOKENS.valid(UUID.randomUUID(), "read"))
                .get("/v1/media")
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(0));
        given().auth()
                .oauth2(TOKENS.valid(projectId, "read"))
                .queryParam("status", "rejected")
                .get("/v1/media")
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(0));
    }

    @Test
    void badParametersAreProblemsWithTheirOwnCodes() {
        String token = TOKENS.valid(projectId, "read");
        for (String limit : List.of("-1", "0", "201", "ten", "1e3", "2147483648")) {
            given().auth()
                    .oauth2(token)
                    .queryParam("limit", limit)
                    .get("/v1/media")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("code", equalTo("invalid_limit"));
        }
        given().auth()
                .oauth2(token)
                .queryParam("status", "deleted")
                .get("/v1/media")
                .then()
                .statusCode(400)
                .body("code", equalTo("invalid_status"));
        for (String cursor : List.of("not-base64!", "bm9wZQ", "MTIzOm5vdC1hLXV1aWQ")) {
            given().auth()
                    .oauth2(token)
                    .queryParam("after", cursor)
                    .get("/v1/media")
                    .then()
                    .statusCode(400)
                    .body("code", equalTo("invalid_cursor"));
        }
    }

    private static int count(UUID projectId) throws Exception {
        try (Connection c = PostgresResource.database().connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "select count(*) from ingest.media_assets where project_id = '" + projectId + "'")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
