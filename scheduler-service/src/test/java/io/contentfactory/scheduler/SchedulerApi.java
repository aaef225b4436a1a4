package io.contentfactory.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.contentfactory.contracts.EventCodec;
import io.contentfactory.contracts.Topics;
import io.contentfactory.contracts.events.MediaAnalyzed;
import io.contentfactory.contracts.events.MediaType;
import io.contentfactory.testkit.InternalTokens;
import io.contentfactory.testkit.KafkaResource;
import io.contentfactory.testkit.PostgresResource;
import io.contentfactory.testkit.TopicProbe;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Calls to the scheduler's API as a project would make them, and the events and rows behind them. */
final class SchedulerApi {

    static final Duration TIMEOUT = Duration.ofSeconds(90);
    static final InternalTokens TOKENS = InternalTokens.forService("scheduler-service");

    private SchedulerApi() {}

    static UUID analysed(UUID project, MediaType type) {
        return analysed(project, UUID.randomUUID(), type);
    }

    /** The media's analysis reaches the scheduler (media.analyzed), and is in its catalog on return. */
    static UUID analysed(UUID project, UUID media, MediaType type) {
        MediaAnalyzed data = new MediaAnalyzed(
                media,
                UUID.randomUUID(),
                type,
                type == MediaType.IMAGE ? "image/jpeg" : "video/mp4",
                type == MediaType.IMAGE ? null : 9.0,
                1080,
                1350,
                70,
                "http://localhost:8081/media/" + project + "/" + media + "/content",
                "Suggested",
                List.of("tag"));
        new TopicProbe(KafkaResource.broker().bootstrapServers())
                .send(
                        Topics.MEDIA_ANALYZED,
                        project.toString(),
                        EventCodec.toJson(EventCodec.envelope(
                                UUID.randomUUID(), "/content-factory/analysis-service", project, Instant.now(), data)));
        await().atMost(TIMEOUT)
                .until(() ->
                        count("select count(*) from scheduler.media_catalog where media_id = '" + media + "'") == 1);
        return media;
    }

    /** A PNG analysed with the JPEG rendition ingest-service made of it for Instagram; answers its id. */
    static UUID analysedPngWithRendition(UUID project) {
        UUID media = UUID.randomUUID();
        String base = "http://localhost:8081/media/" + project + "/" + media;
        MediaAnalyzed data = new MediaAnalyzed(
                media,
                UUID.randomUUID(),
                MediaType.IMAGE,
                "image/png",
                null,
                2000,
                2500,
                60,
                base + "/content?signature=c",
                "Suggested",
                List.of("tag"),
                base + "/jpeg?signature=j");
        new TopicProbe(KafkaResource.broker().bootstrapServers())
                .send(
                        Topics.MEDIA_ANALYZED,
                        project.toString(),
                        EventCodec.toJson(EventCodec.envelope(
                                UUID.randomUUID(), "/content-factory/analysis-service", project, Instant.now(), data)));
        await().atMost(TIMEOUT)
                .until(() ->
                        count("select count(*) from scheduler.media_catalog where media_id = '" + media + "'") == 1);
        return media;
    }

    static Map<String, Object> body(List<UUID> media, String format, String scheduledAt) {
        Map<String, Object> body = new HashMap<>();
        body.put("mediaIds", media.stream().map(UUID::toString).toList());
        body.put("targets", List.of(Map.of("platform", "instagram", "accountId", "acct-" + format, "format", format)));
        body.put("caption", Map.of("body", "Hello", "disclosure", "#ad", "hashtags", List.of("one", "two")));
        body.put("scheduledAt", scheduledAt);
        return body;
    }

    static Response put(UUID project, String ref, Map<String, Object> body) {
        return RestAssured.given()
                .auth()
                .oauth2(TOKENS.valid(project, "read", "write"))
                .contentType("application/json")
                .body(body)
                .urlEncodingEnabled(true)
                .put("/v1/posts/{ref}", ref);
    }

    static Response get(UUID project, String path) {
        return RestAssured.given().auth().oauth2(TOKENS.valid(project, "read")).get(path);
    }

    static void expect(Response response, int status, String code) {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(status);
        assertThat(response.jsonPath().getString("code")).isEqualTo(code);
    }

    static long count(String sql) {
        try (Connection c = PostgresResource.database().connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The project queues its analysed media for this one account from now on. */
    static void autoTarget(UUID project, String platform, String accountId) {
        send(
                        project,
                        "PUT",
                        "/v1/calendar/settings",
                        Map.of(
                                "timeZone",
                                "UTC",
                                "autoTargets",
                                List.of(Map.of("platform", platform, "accountId", accountId))))
                .then()
                .statusCode(200);
    }

    static Response send(UUID project, String method, String path, Object body) {
        var request = RestAssured.given()
                .auth()
                .oauth2(TOKENS.valid(project, "read", "write"))
                .contentType("application/json");
        if (body != null) {
            request = request.body(body);
        }
        return request.request(method, path);
    }
}
