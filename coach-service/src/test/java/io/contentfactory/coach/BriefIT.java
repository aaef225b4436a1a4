package io.contentfactory.coach;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.contentfactory.contracts.EventCodec;
import io.contentfactory.contracts.Topics;
import io.contentfactory.contracts.events.DerivativePlanCompleted;
import io.contentfactory.contracts.events.MediaIngested;
import io.contentfactory.contracts.events.MediaType;
import io.contentfactory.contracts.events.MetricsCollected;
import io.contentfactory.contracts.events.Platform;
import io.contentfactory.contracts.events.PostFormat;
import io.contentfactory.contracts.events.PostPublished;
import io.contentfactory.contracts.events.ProjectCreated;
import io.contentfactory.testkit.InternalTokens;
import io.contentfactory.testkit.KafkaResource;
import io.contentfactory.testkit.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(PostgresResource.class)
class BriefIT {

    private static final Duration TIMEOUT = CoachFixture.TIMEOUT;
    private final CoachFixture coach = new CoachFixture();
    private final InternalTokens tokens = InternalTokens.forService("coach-service");

    @Test
    void aPostThatBeatsItsBaselineAt7dGetsAnOwnTopPostBriefAndPlansThatItsDerivativesComplete() throws Exception {
        UUID projectId = UUID.randomUUID();
        UUID mediaId = UUID.randomUUID();
        UUID targetId = UUID.randomUUID();
        topPost(projectId, mediaId, targetId);
        String read = tokens.valid(projectId, "read");

        JsonPath briefs = as(read).queryParam("source", "own_top_post")
                .get("/v1/creative-briefs")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(briefs.getList("items")).hasSize(1);
        JsonPath brief = new JsonPath(EventCodec.mapper().writeValueAsString(briefs.getMap("items[0]")));
        assertThat(brief.getString("mediaId")).isEqualTo(mediaId.toString());
        assertThat(brief.getString("sourceType")).isEqualTo("own_top_post");
        assertThat(brief.getString("angleName")).isEqualTo("More of \"cold brew\"");
        assertThat(brief.getString("targetAudience")).contains("5,000 views at 7d, 3.3x the account's median of 1,500");
        assertThat(brief.getList("hookIdeas", String.class))
                .first()
                .asString()
                .startsWith("\"Here is how I make cold brew at home with a one to eight ratio.\"");
        assertThat(brief.getList("scriptOutline.intro", String.class)).isNotEmpty();
        assertThat(brief.getList("scriptOutline.body", String.class))
                .contains("One beat on cold brew, shown, not told.");
        assertThat(brief.getList("scriptOutline.cta", String.class)).hasSize(1);
        assertThat(brief.getList("visualDirections.faceCam", String.class)).isNotEmpty();
        assertThat(brief.getList("postingGuidance.platformPriority", String.class))
                .startsWith("instagram");
        assertThat(brief.getString("postingGuidance.timeWindowHint"))
                .startsWith("Not enough measured posts to name your best hours yet (0 of 6");
        assertThat(brief.getString("postingGuidance.frequency")).isNotBlank();
        assertThat(brief.getList("evidence", String.class))
                .contains("metric.instagram.7d.views", "baseline.instagram.7d.views", "feature.topics");
        assertThat(brief.getMap("sourceReference"))
                .containsEntry("mediaId", mediaId.toString())
                .containsEntry("checkpoint", "7d")
                .containsEntry("metric", "views");
        assertThat(brief.getBoolean("readyForUse")).isFalse();
        assertThat(snapshotEntries(brief.getString("sourceReference.insightId")))
                .contains(brief.getList("evidence", String.class).toArray(String[]::new));

        JsonPath plans = as(read).queryParam("sourceMediaId", mediaId)
                .get("/v1/derivative-plans")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(plans.getList("items.formatType", String.class))
                .containsExactlyInAnyOrder("face_cam", "broll_text", "carousel");
        assertThat(plans.getList("items.status", String.class)).containsOnly("planned");
        assertThat(plans.getList("items.briefId", String.class)).containsOnly(brief.getString("id"));
        assertThat(plans.getList("items.targetPlatform", String.class)).containsOnly("instagram");
        String faceCam = planOf(plans, "face_cam");
        String broll = planOf(plans, "broll_text");
        assertThat(as(read).get("/v1/derivative-plans/" + faceCam).jsonPath().getInt("estimatedLengthSec"))
                .isEqualTo(20);
        assertThat(coach.kafka().all(Topics.DERIVATIVE_PLAN_CREATED).stream()
                        .filter(r -> r.value().contains(mediaId.toString())))
                .hasSize(3);

        // A derivative ingested with its plan's id completes the plan, once.
        UUID derivative = UUID.randomUUID();
        MediaIngested ingested = derivedFrom(derivative, UUID.fromString(faceCam));
        coach.send(projectId, Topics.MEDIA_INGESTED, derivative, ingested);
        DerivativePlanCompleted completed = EventCodec.data(
                EventCodec.parse(coach.kafka()
                        .awaitOne(
                                Topics.DERIVATIVE_PLAN_COMPLETED, r -> r.value().contains(faceCam), TIMEOUT)
                        .value()),
                DerivativePlanCompleted.class);
        assertThat(completed.resultMediaId()).isEqualTo(derivative);
        assertThat(completed.sourceMediaId()).isEqualTo(mediaId);
        JsonPath done = as(read).get("/v1/derivative-plans/" + faceCam).jsonPath();
        assertThat(done.getString("status")).isEqualTo("completed");
        assertThat(done.getString("resultMediaId")).isEqualTo(derivative.toString());
        String completedAt = done.getString("updatedAt");
        coach.send(projectId, Topics.MEDIA_INGESTED, derivative, ingested);
        UUID marker = UUID.randomUUID();
        coach.send(projectId, Topics.MEDIA_INGESTED, marker, derivedFrom(marker, UUID.randomUUID()));
        // The same item told again, and one naming a plan the project does not have: both consumed, neither completes.
        await().atMost(TIMEOUT)
                .until(() -> CoachFixture.count("select count(*) from coach.inbox where project_id = '" + projectId
                                + "' and event_type like '%media.ingested%'")
                        == 3);
        assertThat(CoachFixture.count("select count(*) from coach.outbox where project_id = '" + projectId
                        + "' and topic = '" + Topics.DERIVATIVE_PLAN_COMPLETED + "'"))
                .as("one completion written, in the transaction of the first event only")
                .isEqualTo(1);
        assertThat(as(read).get("/v1/derivative-plans/" + faceCam).jsonPath().getString("updatedAt"))
                .isEqualTo(completedAt);

        // People move the other plans.
        String write = tokens.valid(projectId, "write");
        patch(write, broll, Map.of("status", "completed")).statusCode(400);
        patch(write, broll, Map.of("status", "bogus")).statusCode(400);
        patch(write, broll, Map.of("status", "in_production")).statusCode(200);
        patch(write, broll, Map.of("status", "planned")).statusCode(409);
        patch(write, broll, Map.of("status", "completed", "resultMediaId", "nope"))
                .statusCode(400);
        UUID remade = UUID.randomUUID();
        patch(write, broll, Map.of("status", "completed", "resultMediaId", remade.toString()))
                .statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("completed"))
                .body("resultMediaId", org.hamcrest.Matchers.equalTo(remade.toString()));
        patch(write, faceCam, Map.of("status", "in_production")).statusCode(409);
        assertThat(as(read).queryParam("status", "completed")
                        .queryParam("sourceMediaId", mediaId)
                        .get("/v1/derivative-plans")
                        .jsonPath()
                        .getList("items"))
                .hasSize(2);
        patch(tokens.valid(UUID.randomUUID(), "write"), broll, Map.of("status", "in_production"))
                .statusCode(404);
    }

    @Test
    void aBriefIsAskedForFromAPromptOrATopPostMarkedReadyAndEdited() {
        UUID projectId = UUID.randomUUID();
        String write = tokens.valid(projectId, "write");
        JsonPath created = as(write)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "sourceType", "prompt_only",
                        "prompt", "Show how a 2-month posting queue saves a creator's week.",
                        "targetAudience", "Solo creators"))
                .post("/v1/creative-briefs")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        String id = created.getString("id");
        assertThat(created.getString("sourceType")).isEqualTo("prompt_only");
        assertThat(created.getString("corePromise"))
                .isEqualTo("Show how a 2-month posting queue saves a creator's week.");
        assertThat(created.getString("targetAudience")).isEqualTo("Solo creators");
        assertThat(created.getList("hookIdeas")).hasSize(3);
        assertThat(created.getList("postingGuidance.platformPriority", String.class))
                .containsExactly("instagram", "tiktok", "youtube");
        assertThat(created.getList("evidence")).isEmpty();

        JsonPath edited = as(write)
                .contentType(ContentType.JSON)
                .body(Map.of("readyForUse", true, "angleName", "The 2-month queue", "hookIdeas", List.of("One hook")))
                .patch("/v1/creative-briefs/" + id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(edited.getBoolean("readyForUse")).isTrue();
        assertThat(edited.getString("angleName")).isEqualTo("The 2-month queue");
        assertThat(edited.getList("hookIdeas")).containsExactly("One hook");
        assertThat(edited.getString("corePromise")).isEqualTo(created.getString("corePromise"));

        String read = tokens.valid(projectId, "read");
        assertThat(as(read).queryParam("ready", true)
                        .get("/v1/creative-briefs")
                        .jsonPath()
                        .getList("items.id"))
                .containsExactly(id);
        assertThat(as(read).queryParam("ready", false)
                        .get("/v1/creative-briefs")
                        .jsonPath()
                        .getList("items"))
                .isEmpty();
        assertThat(as(read).queryParam("source", "own_top_post")
                        .get("/v1/creative-briefs")
                        .jsonPath()
                        .getList("items"))
                .isEmpty();
        as(read).get("/v1/creative-briefs/" + id).then().statusCode(200);
        as(tokens.valid(UUID.randomUUID(), "read"))
                .get("/v1/creative-briefs/" + id)
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        assertThat(coach.kafka().all(Topics.CREATIVE_BRIEF_CREATED).stream()
                        .filter(r -> r.value().contains(id)))
                .hasSize(1);

        // Bad requests are problems, and nothing is written.
        as(read).queryParam("ready", "maybe").get("/v1/creative-briefs").then().statusCode(400);
        as(read).queryParam("source", "tv").get("/v1/creative-briefs").then().statusCode(400);
        post(write, Map.of("sourceType", "prompt_only"))
                .statusCode(400)
                .body("code", org.hamcrest.Matchers.equalTo("prompt_required"));
        post(write, Map.of("sourceType", "radio", "prompt", "x")).statusCode(400);
        post(
                        write,
                        Map.of(
                                "sourceType",
                                "kalodata_product",
                                "patternId",
                                UUID.randomUUID().toString()))
                .statusCode(404)
                .body("code", org.hamcrest.Matchers.equalTo("pattern_not_found"));
        post(write, Map.of("sourceType", "kalodata_product"))
                .statusCode(400)
                .body("code", org.hamcrest.Matchers.equalTo("pattern_id_required"));
        post(write, Map.of("sourceType", "own_top_post")).statusCode(400);
        post(write, Map.of("sourceType", "own_top_post", "mediaId", "x")).statusCode(400);
        post(
                        write,
                        Map.of(
                                "sourceType",
                                "own_top_post",
                                "mediaId",
                                UUID.randomUUID().toString()))
                .statusCode(404);
        post(write, Map.of("sourceType", "prompt_only", "prompt", "x".repeat(2_001)))
                .statusCode(400);
        as(write)
                .contentType(ContentType.JSON)
                .body(Map.of())
                .patch("/v1/creative-briefs/" + id)
                .then()
                .statusCode(400);
        as(write)
                .contentType(ContentType.JSON)
                .body(Map.of("hookIdeas", List.of()))
                .patch("/v1/creative-briefs/" + id)
                .then()
                .statusCode(400);
        assertThat(as(read).get("/v1/creative-briefs").jsonPath().getList("items"))
                .hasSize(1);

        // A media item becomes a brief only once one of its posts beat its baseline.
        UUID mediaId = UUID.randomUUID();
        UUID targetId = UUID.randomUUID();
        coach.analyzed(projectId, CollectedMetrics.video(mediaId, 55));
        post(write, Map.of("sourceType", "own_top_post", "mediaId", mediaId.toString()))
                .statusCode(422)
                .body("code", org.hamcrest.Matchers.equalTo("not_a_top_post"));
        MetricsCollected at24h =
                CollectedMetrics.reel(mediaId, targetId, "24h", 4000, 200, 40, 45, 80, 14_000L, 75.0, 1000.0);
        coach.send(projectId, Topics.METRICS_COLLECTED, at24h.postId(), at24h);
        await().atMost(TIMEOUT)
                .until(() -> CoachFixture.count(
                                "select count(*) from coach.ai_coach_insights where media_id = '" + mediaId + "'")
                        == 1);
        JsonPath fromPost = post(write, Map.of("sourceType", "own_top_post", "mediaId", mediaId.toString()))
                .statusCode(201)
                .extract()
                .jsonPath();
        assertThat(fromPost.getString("sourceReference.checkpoint")).isEqualTo("24h");
        assertThat(fromPost.getString("sourceReference.insightId")).isNotNull();
        post(write, Map.of("sourceType", "own_top_post", "mediaId", mediaId.toString()))
                .statusCode(409)
                .body("code", org.hamcrest.Matchers.equalTo("brief_exists"));
        assertThat(as(read).queryParam("sourceMediaId", mediaId)
                        .get("/v1/derivative-plans")
                        .jsonPath()
                        .getList("items"))
                .isNotEmpty();
    }

    /**
     * studio-service reads a brief and a plan it generates from through the internal routes, proven with its pair key;
     * another project's ids are unknown there too, and no other caller is answered.
     */
    @Test
    void studioServiceReadsABriefAndAPlanOfTheProjectWithItsPairKey() {
        UUID projectId = UUID.randomUUID();
        String write = tokens.valid(projectId, "write");
        String briefId = post(write, Map.of("sourceType", "prompt_only", "prompt", "Three ways to batch a week."))
                .statusCode(201)
                .extract()
                .path("id");
        String planId = as(write)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "briefId", briefId,
                        "formatType", "broll_text",
                        "instructions", "One step a shot",
                        "targetPlatform", "instagram"))
                .post("/v1/derivative-plans")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String studio = "Bearer "
                + io.contentfactory.auth.ServiceCallTokens.mint(
                        io.contentfactory.auth.ServiceCallTokens.readKey("Y29hY2gtdGVzdC1zdHVkaW8tY2FsbC1rZXktMDAwMDE"),
                        "studio-service",
                        "coach-service",
                        Instant.now());

        JsonPath brief = given().header(io.contentfactory.auth.ServiceCallTokens.HEADER, studio)
                .get("/internal/v1/creative-briefs/{p}/{id}", projectId, briefId)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(brief.getString("corePromise")).isEqualTo("Three ways to batch a week.");
        assertThat(brief.getList("scriptOutline.intro", String.class)).isNotEmpty();
        given().header(io.contentfactory.auth.ServiceCallTokens.HEADER, studio)
                .get("/internal/v1/derivative-plans/{p}/{id}", projectId, planId)
                .then()
                .statusCode(200)
                .body("briefId", org.hamcrest.Matchers.equalTo(briefId))
                .body("formatType", org.hamcrest.Matchers.equalTo("broll_text"));

        given().header(io.contentfactory.auth.ServiceCallTokens.HEADER, studio)
                .get("/internal/v1/creative-briefs/{p}/{id}", UUID.randomUUID(), briefId)
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().get("/internal/v1/creative-briefs/{p}/{id}", projectId, briefId)
                .then()
                .statusCode(401);
        given().header(io.contentfactory.auth.ServiceCallTokens.HEADER, "Bearer " + write)
                .get("/internal/v1/derivative-plans/{p}/{id}", projectId, planId)
                .then()
                .statusCode(401);
        given().auth()
                .oauth2(write)
                .get("/internal/v1/creative-briefs/{p}/{id}", projectId, briefId)
                .then()
                .statusCode(401);
        given().header(io.contentfactory.auth.ServiceCallTokens.HEADER, studio)
                .get("/internal/v1/creative-briefs/{p}/{id}", projectId, "not-a-uuid")
                .then()
                .statusCode(400);
    }

    /** A published reel of {@code mediaId} that beat its baseline at +7d; waits for its plans. */
    private void topPost(UUID projectId, UUID mediaId, UUID targetId) {
        coach.send(
                projectId,
                Topics.PROJECT_CREATED,
                projectId,
                new ProjectCreated(projectId, "p-" + projectId, "P", "Europe/Berlin"));
        MetricsCollected at7d =
                CollectedMetrics.reel(mediaId, targetId, "7d", 5000, 300, 60, 70, 120, 14_000L, 80.0, 1500.0);
        coach.send(
                projectId,
                Topics.POST_PUBLISHED,
                at7d.postId(),
                new PostPublished(
                        at7d.postId(),
                        targetId,
                        mediaId,
                        UUID.randomUUID(),
                        Platform.INSTAGRAM,
                        "17841400000000001",
                        PostFormat.REEL,
                        at7d.externalPostId(),
                        "https://www.instagram.com/reel/x/",
                        "a caption",
                        Instant.parse("2026-12-01T12:00:00Z")));
        coach.analyzed(projectId, CollectedMetrics.video(mediaId, 40));
        await().atMost(TIMEOUT)
                .until(() -> CoachFixture.count(
                                "select count(*) from coach.post_publications where target_id = '" + targetId + "'")
                        == 1);
        coach.send(projectId, Topics.METRICS_COLLECTED, at7d.postId(), at7d);
        await().atMost(TIMEOUT)
                .until(() ->
                        CoachFixture.count("select count(*) from coach.derivative_media_plans where source_media_id = '"
                                        + mediaId + "'")
                                == 3);
    }

    /** The ids of the entries of the insight's stored input snapshot. */
    private static java.util.Set<String> snapshotEntries(String insightId) throws Exception {
        try (java.sql.Connection c = PostgresResource.database().connect();
                java.sql.Statement s = c.createStatement();
                java.sql.ResultSet rs = s.executeQuery(
                        "select input_snapshot from coach.ai_coach_insights where id = '" + insightId + "'")) {
            assertThat(rs.next()).isTrue();
            return EventCodec.mapper().readTree(rs.getString(1)).get("entries").properties().stream()
                    .map(Map.Entry::getKey)
                    .collect(java.util.stream.Collectors.toSet());
        }
    }

    private static MediaIngested derivedFrom(UUID mediaId, UUID planId) {
        return new MediaIngested(
                mediaId,
                "upload",
                "remake.mp4",
                "video/mp4",
                MediaType.VIDEO,
                1000,
                "0".repeat(64),
                "http://localhost/media/" + mediaId,
                20.0,
                1080,
                1920,
                null,
                null,
                1,
                null,
                planId);
    }

    private static String planOf(JsonPath plans, String format) {
        List<Map<String, Object>> items = plans.getList("items");
        return items.stream()
                .filter(item -> format.equals(item.get("formatType")))
                .map(item -> (String) item.get("id"))
                .findFirst()
                .orElseThrow();
    }

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token);
    }

    private static io.restassured.response.ValidatableResponse patch(String token, String planId, Map<String, ?> body) {
        return as(token)
                .contentType(ContentType.JSON)
                .body(body)
                .patch("/v1/derivative-plans/" + planId)
                .then()
                .contentType(org.hamcrest.Matchers.startsWith("application/"));
    }

    private static io.restassured.response.ValidatableResponse post(String token, Map<String, ?> body) {
        return as(token)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/v1/creative-briefs")
                .then();
    }
}
