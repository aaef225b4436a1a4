package io.contentfactory.coach;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.contentfactory.contracts.EventCodec;
import io.contentfactory.contracts.Topics;
import io.contentfactory.contracts.events.CoachInsightCreated;
import io.contentfactory.contracts.events.MetricsCollected;
import io.contentfactory.testkit.InternalTokens;
import io.contentfactory.testkit.KafkaResource;
import io.contentfactory.testkit.PostgresResource;
import io.contentfactory.testkit.RowLevelSecurityAudit;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(PostgresResource.class)
class InsightIT {

    private static final Duration TIMEOUT = CoachFixture.TIMEOUT;
    private final CoachFixture coach = new CoachFixture();
    private final InternalTokens tokens = InternalTokens.forService("coach-service");

    @Test
    void aPostCollectedAt24hGetsASummaryWhoseEveryStatementCitesItsSnapshot() throws Exception {
        UUID projectId = UUID.randomUUID();
        UUID mediaId = UUID.randomUUID();
        UUID targetId = UUID.randomUUID();
        MetricsCollected at15m = CollectedMetrics.reel(mediaId, targetId, "15m", 300, 10, 1, 0, 0, null, null, 1000.0);
        MetricsCollected at24h =
                CollectedMetrics.reel(mediaId, targetId, "24h", 3000, 200, 40, 45, 80, 14_000L, 75.0, 1000.0);
        coach.analyzed(projectId, CollectedMetrics.video(mediaId, 40));
        coach.send(projectId, Topics.METRICS_COLLECTED, at15m.postId(), at15m);
        coach.send(projectId, Topics.METRICS_COLLECTED, at24h.postId(), at24h);

        CoachInsightCreated created = EventCodec.data(
                EventCodec.parse(coach.kafka()
                        .awaitOne(Topics.COACH_INSIGHT_CREATED, r -> r.value().contains(mediaId.toString()), TIMEOUT)
                        .value()),
                CoachInsightCreated.class);
        assertThat(created.checkpoint()).isEqualTo("24h");
        assertThat(created.generatedBy()).isEqualTo("rules");
        assertThat(created.evidence()).contains("metric.instagram.24h.views", "baseline.instagram.24h.views");

        JsonPath summary = given().urlEncodingEnabled(false)
                .auth()
                .oauth2(tokens.valid(projectId, "read"))
                .get("/v1/media/" + mediaId + "/coach-summary")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(summary.getString("mediaId")).isEqualTo(mediaId.toString());
        assertThat(summary.getDouble("preSocialScore")).isEqualTo(40.0);
        assertThat(summary.getDouble("postSocialScore24h")).isEqualTo(75.0);
        assertThat(summary.getString("performanceSummary")).startsWith("Instagram at 24h: 3,000 views, 200% above");
        assertThat(summary.getList("whatWorked", String.class)).isNotEmpty();
        assertThat(summary.getList("whatToImprove", String.class)).isNotEmpty();
        assertThat(summary.getList("recommendedNextFormats.format", String.class))
                .containsExactly("face_cam", "broll_text", "carousel");
        assertThat(summary.getString("generatedBy")).isEqualTo("rules");
        assertThat(summary.getString("trigger")).isEqualTo("checkpoint");
        assertEveryStatementCitesItsSnapshot(summary, created.insightId());
        assertThat(CoachFixture.count("select count(*) from coach.ai_coach_insights where media_id = '" + mediaId
                        + "' and checkpoint = '15m'"))
                .as("+15m is not a coach checkpoint")
                .isZero();

        // A redelivered reading writes no second insight.
        coach.send(projectId, Topics.METRICS_COLLECTED, at24h.postId(), at24h);
        MetricsCollected at7d =
                CollectedMetrics.reel(mediaId, targetId, "7d", 5000, 300, 60, 70, 120, 14_000L, 80.0, 1500.0);
        coach.send(projectId, Topics.METRICS_COLLECTED, at7d.postId(), at7d);
        await().atMost(TIMEOUT)
                .until(() -> CoachFixture.count("select count(*) from coach.ai_coach_insights where media_id = '"
                                + mediaId + "' and checkpoint = '7d'")
                        == 1);
        assertThat(CoachFixture.count(
                        "select count(*) from coach.ai_coach_insights where media_id = '" + mediaId + "'"))
                .isEqualTo(2);
    }

    @Test
    void aSummaryAskedForIsWrittenNowAndTheProjectsInsightsPageNewestFirst() {
        UUID projectId = UUID.randomUUID();
        UUID mediaId = UUID.randomUUID();
        coach.analyzed(projectId, CollectedMetrics.video(mediaId, 55));
        String write = tokens.valid(projectId, "write");
        CoachFixture.refresh(write, mediaId).then().statusCode(202);
        JsonPath second = CoachFixture.refresh(write, mediaId)
                .then()
                .statusCode(202)
                .header("Location", "/v1/media/" + mediaId + "/coach-summary")
                .extract()
                .jsonPath();
        assertThat(second.getString("trigger")).isEqualTo("on_demand");
        assertThat(second.getString("checkpoint")).isNull();
        assertThat(second.getString("performanceSummary"))
                .isEqualTo("Not measured yet; the pre-social score predicts 55.");
        assertThat(second.getList("whatToImprove", String.class)).anyMatch(text -> text.startsWith("A weak opening"));

        String read = tokens.valid(projectId, "read");
        JsonPath first = given().urlEncodingEnabled(false)
                .auth()
                .oauth2(read)
                .queryParam("limit", 1)
                .get("/v1/insights")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(first.getList("items.insightId")).containsExactly(second.getString("insightId"));
        JsonPath rest = given().urlEncodingEnabled(false)
                .auth()
                .oauth2(read)
                .queryParam("limit", 1)
                .queryParam("after", first.getString("nextCursor"))
                .get("/v1/insights")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(rest.getList("items")).hasSize(1);
        assertThat(rest.getString("items[0].insightId")).isNotEqualTo(second.getString("insightId"));
        assertThat(rest.getString("nextCursor")).isNull();
    }

    @Test
    void anotherProjectsMediaAndBadInputAreProblems() {
        UUID projectId = UUID.randomUUID();
        UUID mediaId = UUID.randomUUID();
        coach.analyzed(projectId, CollectedMetrics.video(mediaId, 55));
        String owner = tokens.valid(projectId, "write");
        CoachFixture.refresh(owner, mediaId).then().statusCode(202);

        String stranger = tokens.valid(UUID.randomUUID(), "write");
        given().urlEncodingEnabled(false)
                .auth()
                .oauth2(stranger)
                .get("/v1/media/" + mediaId + "/coach-summary")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        CoachFixture.refresh(stranger, mediaId).then().statusCode(404).contentType("application/problem+json");
        given().urlEncodingEnabled(false)
                .auth()
                .oauth2(stranger)
                .get("/v1/insights")
                .then()
                .statusCode(200)
                .body("items", org.hamcrest.Matchers.empty());
        given().urlEncodingEnabled(false)
                .auth()
                .oauth2(owner)
                .get("/v1/media/not-a-uuid/coach-summary")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        given().urlEncodingEnabled(false)
                .auth()
                .oauth2(owner)
                .queryParam("limit", 0)
                .get("/v1/insights")
                .then()
                .statusCode(400);
        given().urlEncodingEnabled(false)
                .auth()
                .oauth2(owner)
                .queryParam("after", "garbage")
                .get("/v1/insights")
                .then()
                .statusCode(400);
        given().get("/v1/insights").then().statusCode(401);
    }

    /** Every statement cites at least one id, and each cited id is an entry of the stored input snapshot. */
    private static void assertEveryStatementCitesItsSnapshot(JsonPath summary, UUID insightId) throws Exception {
        Map<String, Object> entries = summary.getMap("evidence.entries");
        List<List<String>> cited = new java.util.ArrayList<>();
        cited.add(summary.getList("evidence.performanceSummary", String.class));
        for (String field : List.of("whatWorked", "whatToImprove", "recommendedNextFormats", "nextActions")) {
            List<List<String>> perStatement = summary.getList("evidence." + field);
            assertThat(perStatement).hasSameSizeAs(summary.getList(field));
            cited.addAll(perStatement);
        }
        String snapshot;
        try (Connection c = PostgresResource.database().connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "select input_snapshot from coach.ai_coach_insights where id = '" + insightId + "'")) {
            assertThat(rs.next()).isTrue();
            snapshot = rs.getString(1);
        }
        Map<String, Object> stored = EventCodec.mapper()
                .readValue(snapshot, new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() {});
        @SuppressWarnings("unchecked")
        Map<String, Object> storedEntries = (Map<String, Object>) stored.get("entries");
        for (List<String> ids : cited) {
            assertThat(ids).isNotEmpty();
            assertThat(entries).containsKeys(ids.toArray(String[]::new));
            assertThat(storedEntries).containsKeys(ids.toArray(String[]::new));
        }
    }

    @Test
    void rowLevelSecurityGuardsEveryTable() throws Exception {
        RowLevelSecurityAudit.assertIsolated("coach", "cf_coach", Map.of(), Map.of());
    }
}
