package io.contentfactory.publisher;

import static org.assertj.core.api.Assertions.assertThat;

import io.contentfactory.contracts.EventCodec;
import io.contentfactory.contracts.Topics;
import io.contentfactory.contracts.events.CaptionParts;
import io.contentfactory.contracts.events.MediaType;
import io.contentfactory.contracts.events.Platform;
import io.contentfactory.contracts.events.PostDue;
import io.contentfactory.contracts.events.PostFailed;
import io.contentfactory.contracts.events.PostFormat;
import io.contentfactory.contracts.events.PostPublished;
import io.contentfactory.testkit.InternalTokens;
import io.contentfactory.testkit.PostgresResource;
import io.contentfactory.testkit.SandboxResource;
import io.contentfactory.testkit.TopicProbe;
import io.restassured.RestAssured;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What the publisher's integration tests share: connecting accounts, sending post.due, reading jobs and outcomes. */
final class PublishTests {

    static final Duration TIMEOUT = Duration.ofSeconds(90);
    static final InternalTokens TOKENS = InternalTokens.forService("publisher-service");

    private PublishTests() {}

    /** A new project with one account connected through the API; answers the project. */
    static UUID connect(String platform, String accountId, String accessToken, String refreshToken, Instant expiresAt) {
        UUID projectId = UUID.randomUUID();
        Map<String, Object> body =
                new LinkedHashMap<>(Map.of("platform", platform, "accountId", accountId, "accessToken", accessToken));
        if (refreshToken != null) {
            body.put("refreshToken", refreshToken);
        }
        if (expiresAt != null) {
            body.put("expiresAt", expiresAt.toString());
        }
        RestAssured.given()
                .auth()
                .oauth2(TOKENS.valid(projectId, "read", "write"))
                .contentType("application/json")
                .body(body)
                .post("/v1/connections")
                .then()
                .statusCode(201);
        return projectId;
    }

    /** Tokens from a sandbox's consent screen: {@code POST /sandbox/<platform>/grants}. */
    static Map<String, Object> grant(String platform, Map<String, Object> request) {
        return RestAssured.given()
                .contentType("application/json")
                .body(request)
                .post(SandboxResource.sandbox().baseUrl() + "/sandbox/" + platform + "/grants")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("");
    }

    static void armFault(String platform, String accountId, String operation, String fault, int times) {
        RestAssured.given()
                .contentType("application/json")
                .body(Map.of("accountId", accountId, "operation", operation, "fault", fault, "times", times))
                .post(SandboxResource.sandbox().baseUrl() + "/sandbox/" + platform + "/faults")
                .then()
                .statusCode(204);
    }

    static PostDue due(Platform platform, String accountId, PostFormat format, String file, String body) {
        MediaType type = file.endsWith(".mp4") ? MediaType.VIDEO : MediaType.IMAGE;
        return new PostDue(
                UUID.randomUUID(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                platform,
                accountId,
                format,
                type,
                MediaServer.url(file),
                MediaServer.contentType(file),
                new CaptionParts(body, null, List.of("recipes", "#Recipes", "vegan")),
                Instant.now());
    }

    static void send(TopicProbe kafka, UUID projectId, PostDue due) {
        kafka.send(
                Topics.POST_DUE,
                due.postId().toString(),
                EventCodec.toJson(EventCodec.envelope(
                        UUID.randomUUID(), "/content-factory/scheduler-service", projectId, Instant.now(), due)));
    }

    static PostPublished awaitPublished(TopicProbe kafka, PostDue due) {
        return EventCodec.data(
                EventCodec.parse(kafka.awaitOne(
                                Topics.POST_PUBLISHED,
                                r -> r.value().contains(due.targetId().toString()),
                                TIMEOUT)
                        .value()),
                PostPublished.class);
    }

    static PostFailed awaitFailed(TopicProbe kafka, PostDue due) {
        return EventCodec.data(
                EventCodec.parse(kafka.awaitOne(
                                Topics.POST_FAILED,
                                r -> r.value().contains(due.targetId().toString()),
                                TIMEOUT)
                        .value()),
                PostFailed.class);
    }

    /** The jobs of a target, oldest attempt first, as column maps. */
    static List<Map<String, String>> jobs(UUID targetId) {
        return rows("select * from publisher.publish_jobs where target_id = '" + targetId
                + "' order by attempt, created_at");
    }

    static Map<String, String> row(String sql) {
        List<Map<String, String>> rows = rows(sql);
        assertThat(rows).as("rows of " + sql).isNotEmpty();
        return rows.get(0);
    }

    static long count(String sql) {
        return Long.parseLong(row(sql).get("count"));
    }

    static List<Map<String, String>> rows(String sql) {
        try (Connection c = PostgresResource.database().connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            List<Map<String, String>> rows = new java.util.ArrayList<>();
            while (rs.next()) {
                Map<String, String> row = new HashMap<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.put(rs.getMetaData().getColumnName(i), rs.getString(i));
                }
                rows.add(row);
            }
            return rows;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What a sandbox's inspection endpoint lists, for example {@code /sandbox/tiktok/posts}. */
    static List<Map<String, Object>> sandboxList(String path) {
        return RestAssured.get(SandboxResource.sandbox().baseUrl() + path)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("");
    }
}
