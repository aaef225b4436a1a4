package io.contentfactory.coach;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.contentfactory.contracts.EventCodec;
import io.contentfactory.contracts.Topics;
import io.contentfactory.contracts.events.AnalysisFeatures;
import io.contentfactory.contracts.events.MediaAnalyzed;
import io.contentfactory.contracts.events.MetricsCollected;
import io.contentfactory.contracts.events.ModelUpdated;
import io.contentfactory.contracts.events.Platform;
import io.contentfactory.contracts.events.PostFormat;
import io.contentfactory.contracts.events.PostPublished;
import io.contentfactory.contracts.events.ProjectCreated;
import io.contentfactory.testkit.InternalTokens;
import io.contentfactory.testkit.KafkaResource;
import io.contentfactory.testkit.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * An account's model through the real consumer, store and route: versions learned from +7d outcomes, each announced
 * with {@code model.updated}; pinned, reset and unpinned through the API, each announced too; nothing shown to
 * another project.
 */
@QuarkusTest
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(FakeConnections.class)
class LearningIT {

    private static final String ACCOUNT = "17841400000000077";

    private final InternalTokens tokens = InternalTokens.forService("coach-service");
    private final CoachFixture coach = new CoachFixture();
    private final Random random = new Random(21);

    @Test
    void anAccountLearnsVersionsFromItsOutcomesAndTheProjectPinsResetsAndUnpinsThem() throws Exception {
        UUID projectId = UUID.randomUUID();
        UUID connectionId = UUID.randomUUID();
        FakeConnections.CONNECTIONS.put(projectId + "/" + connectionId, new String[] {"instagram", ACCOUNT});
        String write = tokens.valid(projectId, "read", "write");
        coach.send(
                projectId,
                Topics.PROJECT_CREATED,
                projectId,
                new ProjectCreated(projectId, "p-" + projectId, "P", "Europe/Berlin"));

        model(write, connectionId)
                .statusCode(200)
                .body("source", equalTo("defaults"))
                .body("inForce.version", equalTo(0))
                .body("history.size()", equalTo(0));

        posts(projectId, 10);
        awaitVersions(projectId, 1);
        JsonPath first = model(write, connectionId).statusCode(200).extract().jsonPath();
        assertThat(first.getString("source")).isEqualTo("learned");
        assertThat(first.getInt("inForce.version")).isEqualTo(1);
        assertThat(first.getInt("inForce.posts")).isEqualTo(10);
        assertThat(first.getString("inForce.timeZone")).isEqualTo("Europe/Berlin");
        assertThat(first.getList("inForce.effects.feature")).first().isEqualTo("level");
        assertThat(first.getFloat("inForce.effects.find { it.feature == 'hook' }.mean"))
                .as("the hook drives this account's views")
                .isPositive();
        assertThat(first.getList("inForce.bestHours")).hasSize(5);
        assertThat(announced(projectId))
                .extracting(ModelUpdated::source, ModelUpdated::version)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("learned", 1));

        posts(projectId, 5);
        awaitVersions(projectId, 2);
        given().auth()
                .oauth2(write)
                .contentType("application/json")
                .body("{\"version\": 1}")
                .put("/v1/accounts/{id}/model/pin", connectionId)
                .then()
                .statusCode(200)
                .body("source", equalTo("pinned"))
                .body("inForce.version", equalTo(1))
                .body("history.version", equalTo(List.of(2, 1)));

        List<UUID> latest = posts(projectId, 5);
        awaitVersions(projectId, 3);
        model(write, connectionId)
                .body("source", equalTo("pinned"))
                .body("inForce.version", equalTo(1))
                .body("history[0].version", equalTo(3));

        given().auth()
                .oauth2(write)
                .post("/v1/accounts/{id}/model/reset", connectionId)
                .then()
                .statusCode(200)
                .body("source", equalTo("defaults"))
                .body("inForce.version", equalTo(0));
        given().auth()
                .oauth2(write)
                .delete("/v1/accounts/{id}/model/pin", connectionId)
                .then()
                .statusCode(200)
                .body("source", equalTo("learned"))
                .body("inForce.version", equalTo(3));

        assertThat(announced(projectId))
                .as("a learned version announced only while no pin holds; every pin, reset and unpin announced")
                .extracting(ModelUpdated::source, ModelUpdated::version)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("learned", 1),
                        org.assertj.core.groups.Tuple.tuple("learned", 2),
                        org.assertj.core.groups.Tuple.tuple("pinned", 1),
                        org.assertj.core.groups.Tuple.tuple("defaults", 0),
                        org.assertj.core.groups.Tuple.tuple("learned", 3));
        ModelUpdated newest = announced(projectId).getLast();

        CoachFixture.refresh(write, latest.getLast()).then().statusCode(202);
        JsonPath summary = given().auth()
                .oauth2(write)
                .get("/v1/media/{id}/coach-summary", latest.getLast())
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(summary.getList("whatWorked", String.class))
                .as("the insight cites the account's learned lever")
                .anySatisfy(line -> assertThat(line).startsWith("For this account, hook is the surest lever"));
        assertThat(summary.getList("nextActions.action", String.class))
                .contains("use_learned_effect", "post_at_best_hour");
        assertThat(summary.getString("evidence")).contains("learned.hook", "learned.best_hour");
        assertThat(given().auth()
                        .oauth2(write)
                        .queryParam("limit", 100)
                        .get("/v1/creative-briefs")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("items.postingGuidance.timeWindowHint", String.class))
                .as("a top post's brief written while a model is in force names its learned hours")
                .anySatisfy(hint -> assertThat(hint).startsWith("Learned from").contains(ACCOUNT))
                .anySatisfy(hint -> assertThat(hint).doesNotStartWith("Learned from"));
        assertThat(newest.slots()).hasSize(168);
        assertThat(newest.covariance()).hasNumberOfRows(newest.effects().size());
        assertThat(newest.outcomeQuantiles()).hasSize(21);
    }

    @Test
    void aPinNamesAVersionTheAccountHasAndNoOtherProjectReachesTheModel() {
        UUID projectId = UUID.randomUUID();
        UUID connectionId = UUID.randomUUID();
        FakeConnections.CONNECTIONS.put(projectId + "/" + connectionId, new String[] {"tiktok", "someone"});
        String write = tokens.valid(projectId, "read", "write");

        given().auth()
                .oauth2(write)
                .contentType("application/json")
                .body("{\"version\": 4}")
                .put("/v1/accounts/{id}/model/pin", connectionId)
                .then()
                .statusCode(404)
                .body("code", equalTo("version_not_found"));
        given().auth()
                .oauth2(write)
                .contentType("application/json")
                .body("{\"version\": 0}")
                .put("/v1/accounts/{id}/model/pin", connectionId)
                .then()
                .statusCode(400)
                .body("code", equalTo("invalid_version"));
        String stranger = tokens.valid(UUID.randomUUID(), "read", "write");
        model(stranger, connectionId).statusCode(404).body("code", equalTo("not_found"));
        given().auth()
                .oauth2(stranger)
                .post("/v1/accounts/{id}/model/reset", connectionId)
                .then()
                .statusCode(404);
        model(write, UUID.randomUUID()).statusCode(404);
    }

    private static io.restassured.response.ValidatableResponse model(String token, UUID connectionId) {
        return given().auth()
                .oauth2(token)
                .get("/v1/accounts/{id}/model", connectionId)
                .then();
    }

    /**
     * {@code count} measured reels on the account: the hook's share of its points drives the views at +7d against a
     * baseline of 1,000, with a little noise.
     */
    private List<UUID> posts(UUID projectId, int count) {
        List<UUID> media = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            UUID mediaId = UUID.randomUUID();
            media.add(mediaId);
            UUID targetId = UUID.randomUUID();
            double hook = random.nextDouble();
            coach.analyzed(projectId, analysed(mediaId, hook));
            MetricsCollected reading = CollectedMetrics.reel(
                    mediaId,
                    targetId,
                    "7d",
                    Math.round(1000 * Math.exp(1.5 * (hook - 0.5) + 0.1 * random.nextGaussian())),
                    50,
                    5,
                    2,
                    3,
                    null,
                    50.0,
                    1000.0);
            coach.send(
                    projectId,
                    Topics.POST_PUBLISHED,
                    reading.postId(),
                    new PostPublished(
                            reading.postId(),
                            targetId,
                            mediaId,
                            UUID.randomUUID(),
                            Platform.INSTAGRAM,
                            ACCOUNT,
                            PostFormat.REEL,
                            reading.externalPostId(),
                            "https://www.instagram.com/reel/x/",
                            "a caption",
                            Instant.parse("2026-11-01T00:00:00Z").plusSeconds(3600L * 7 * random.nextInt(200))));
            await().atMost(CoachFixture.TIMEOUT)
                    .until(() -> CoachFixture.count(
                                    "select count(*) from coach.post_publications where target_id = '" + targetId + "'")
                            == 1);
            coach.send(projectId, Topics.METRICS_COLLECTED, reading.postId(), reading);
            await().atMost(CoachFixture.TIMEOUT)
                    .until(() -> CoachFixture.count(
                                    "select count(*) from coach.post_checkpoints where target_id = '" + targetId + "'")
                            == 1);
        }
        return media;
    }

    private static MediaAnalyzed analysed(UUID mediaId, double hook) {
        return CollectedMetrics.withParts(
                CollectedMetrics.video(mediaId, 40),
                Math.round(hook * 100),
                List.of(new AnalysisFeatures.ScoreContribution("hook", 20 * hook, 20, "the hook")),
                List.of());
    }

    private static void awaitVersions(UUID projectId, int versions) {
        await().atMost(CoachFixture.TIMEOUT)
                .until(() -> CoachFixture.count(
                                "select count(*) from coach.account_models where project_id = '" + projectId + "'")
                        == versions);
    }

    private static List<ModelUpdated> announced(UUID projectId) throws Exception {
        List<ModelUpdated> events = new ArrayList<>();
        try (Connection c = PostgresResource.database().connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select payload from coach.outbox where project_id = '" + projectId
                        + "' and topic = '" + Topics.MODEL_UPDATED + "' order by id")) {
            while (rs.next()) {
                events.add(EventCodec.data(EventCodec.parse(rs.getString(1)), ModelUpdated.class));
            }
        }
        return events;
    }
}
