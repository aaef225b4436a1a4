package io.contentfactory.publisher;

import static io.contentfactory.publisher.PublishTests.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.contentfactory.contracts.EventCodec;
import io.contentfactory.contracts.Topics;
import io.contentfactory.contracts.events.ConnectionNeedsReauth;
import io.contentfactory.contracts.events.Platform;
import io.contentfactory.contracts.events.PostDue;
import io.contentfactory.contracts.events.PostFailed;
import io.contentfactory.contracts.events.PostFormat;
import io.contentfactory.testkit.KafkaResource;
import io.contentfactory.testkit.PostgresResource;
import io.contentfactory.testkit.SandboxResource;
import io.contentfactory.testkit.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Tokens are refreshed before they expire, on each platform's terms, and a refresh the platform refuses turns the
 * connection needs_reauth with an event. The sandboxes' grants here expire in seconds, so a refresh is due at once and
 * publishing afterwards only works with the refreshed token.
 */
@QuarkusTest
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(
        value = SandboxResource.class,
        initArgs = @ResourceArg(name = "base-url-properties", value = PublishFlowIT.SANDBOX_URLS))
@QuarkusTestResource(MediaServer.class)
class TokenRefreshIT {

    private static final long SHORT_TTL = 4;
    private final TopicProbe kafka = TopicProbe.onTestBroker();

    @Test
    void anInstagramLongLivedTokenIsRefreshedWithIgRefreshToken() {
        String account = "ig-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> tokens =
                PublishTests.grant("instagram", Map.of("accountId", account, "ttlSeconds", SHORT_TTL));
        Connected connected = connect("instagram", account, tokens);

        JsonPath refreshed = awaitRefreshed(connected);
        assertThat(refreshed.getString("status")).isEqualTo("active");
        assertThat(Instant.parse(refreshed.getString("tokenExpiresAt")))
                .isAfter(Instant.now().plus(java.time.Duration.ofDays(59)));
        assertThat(refreshed.getBoolean("hasRefreshToken")).isFalse();
    }

    @Test
    void aTikTokRefreshRotatesTheRefreshTokenAndPublishingUsesTheNewAccessToken() {
        String account = "tt-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> tokens =
                PublishTests.grant("tiktok", Map.of("accountId", account, "ttlSeconds", SHORT_TTL));
        Instant granted = Instant.now();
        Connected connected = connect("tiktok", account, tokens);

        awaitRefreshed(connected);
        // The old refresh token was rotated away: only the publisher's stored new one works now.
        RestAssured.given()
                .formParams(Map.of(
                        "client_key",
                        "sandbox-client-key",
                        "client_secret",
                        "sandbox-client-secret",
                        "grant_type",
                        "refresh_token",
                        "refresh_token",
                        tokens.get("refreshToken")))
                .post(SandboxResource.sandbox().baseUrl() + "/tiktok/v2/oauth/token/")
                .then()
                .statusCode(400)
                .body("error", org.hamcrest.Matchers.equalTo("invalid_grant"));
        awaitExpired(granted, SHORT_TTL);
        PostDue due =
                PublishTests.due(Platform.TIKTOK, account, PostFormat.TIKTOK_VIDEO, "pull/clip.mp4", "After rotation");
        PublishTests.send(kafka, connected.projectId, due);
        PublishTests.awaitPublished(kafka, due);
    }

    @Test
    void aGoogleRefreshKeepsTheStoredRefreshToken() {
        String channel = "UC" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        Map<String, Object> tokens =
                PublishTests.grant("youtube", Map.of("accountId", channel, "ttlSeconds", SHORT_TTL));
        Instant granted = Instant.now();
        Connected connected = connect("youtube", channel, tokens);
        String sealedRefreshToken = refreshTokenCell(connected);

        JsonPath refreshed = awaitRefreshed(connected);
        assertThat(refreshed.getBoolean("hasRefreshToken")).isTrue();
        assertThat(refreshTokenCell(connected)).isEqualTo(sealedRefreshToken);
        awaitExpired(granted, SHORT_TTL);
        PostDue due = PublishTests.due(Platform.YOUTUBE, channel, PostFormat.SHORT, "clip.mp4", "After refresh");
        PublishTests.send(kafka, connected.projectId, due);
        PublishTests.awaitPublished(kafka, due);
    }

    @Test
    void aRefreshThatFailsForAMomentIsTriedAgain() {
        String account = "tt-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> tokens =
                PublishTests.grant("tiktok", Map.of("accountId", account, "ttlSeconds", SHORT_TTL));
        PublishTests.armFault("tiktok", account, "REFRESH", "SERVER_ERROR", 1);
        Connected connected = connect("tiktok", account, tokens);

        JsonPath refreshed = awaitRefreshed(connected);
        assertThat(refreshed.getString("status")).isEqualTo("active");
        assertThat(refreshed.getString("lastError")).isNull();
    }

    @Test
    void aRefusedRefreshNeedsReauthEmitsAnEventAndStopsPublishingUntilNewTokens() {
        String account = "tt-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> tokens =
                PublishTests.grant("tiktok", Map.of("accountId", account, "ttlSeconds", SHORT_TTL));
        PublishTests.armFault("tiktok", account, "REFRESH", "ERROR", 1);
        Connected connected = connect("tiktok", account, tokens);

        ConnectionNeedsReauth event = EventCodec.data(
                EventCodec.parse(kafka.awaitOne(
                                Topics.CONNECTION_NEEDS_REAUTH, r -> r.value().contains(connected.id), TIMEOUT)
                        .value()),
                ConnectionNeedsReauth.class);
        assertThat(event.platform()).isEqualTo(Platform.TIKTOK);
        assertThat(event.accountId()).isEqualTo(account);
        assertThat(event.reason().code()).isEqualTo("tiktok_invalid_grant");
        assertThat(event.reason().stage()).isEqualTo("refresh");
        JsonPath shown = connection(connected);
        assertThat(shown.getString("status")).isEqualTo("needs_reauth");
        assertThat(shown.getString("lastError.code")).isEqualTo("tiktok_invalid_grant");
        assertThat(shown.getBoolean("hasRefreshToken"))
                .as("a failed refresh never wipes the refresh token")
                .isTrue();

        PostDue refused =
                PublishTests.due(Platform.TIKTOK, account, PostFormat.TIKTOK_VIDEO, "pull/clip.mp4", "Refused");
        PublishTests.send(kafka, connected.projectId, refused);
        PostFailed failed = PublishTests.awaitFailed(kafka, refused);
        assertThat(failed.error().code()).isEqualTo("connection_needs_reauth");
        assertThat(failed.error().retryable()).isFalse();

        Map<String, Object> fresh = PublishTests.grant("tiktok", Map.of("accountId", account));
        RestAssured.given()
                .auth()
                .oauth2(PublishTests.TOKENS.valid(connected.projectId, "read", "write"))
                .contentType("application/json")
                .body(Map.of(
                        "accessToken",
                        fresh.get("accessToken"),
                        "refreshToken",
                        fresh.get("refreshToken"),
                        "expiresAt",
                        Instant.now().plusSeconds(86_400).toString()))
                .patch("/v1/connections/{id}", connected.id)
                .then()
                .statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("active"));
        PostDue accepted =
                PublishTests.due(Platform.TIKTOK, account, PostFormat.TIKTOK_VIDEO, "pull/clip.mp4", "Reconnected");
        PublishTests.send(kafka, connected.projectId, accepted);
        PublishTests.awaitPublished(kafka, accepted);
    }

    private record Connected(UUID projectId, String id) {}

    private static Connected connect(String platform, String account, Map<String, Object> tokens) {
        UUID projectId = PublishTests.connect(
                platform,
                account,
                (String) tokens.get("accessToken"),
                (String) tokens.get("refreshToken"),
                Instant.now().plusSeconds(((Number) tokens.get("expiresIn")).longValue()));
        String id = RestAssured.given()
                .auth()
                .oauth2(PublishTests.TOKENS.valid(projectId, "read"))
                .get("/v1/connections")
                .then()
                .statusCode(200)
                .extract()
                .path("[0].id");
        return new Connected(projectId, id);
    }

    private static JsonPath connection(Connected connected) {
        return RestAssured.given()
                .auth()
                .oauth2(PublishTests.TOKENS.valid(connected.projectId, "read"))
                .get("/v1/connections/{id}", connected.id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static JsonPath awaitRefreshed(Connected connected) {
        await().atMost(TIMEOUT).until(() -> connection(connected).getString("tokenRefreshedAt") != null);
        return connection(connected);
    }

    private static String refreshTokenCell(Connected connected) {
        return PublishTests.row(
                        "select encode(refresh_token, 'hex') as sealed from publisher.platform_connections where id = '"
                                + connected.id + "'")
                .get("sealed");
    }

    /** Until the first token, granted by {@code granted} for {@code ttlSeconds}, has expired for sure. */
    private static void awaitExpired(Instant granted, long ttlSeconds) {
        Instant expired = granted.plusSeconds(ttlSeconds).plusMillis(500);
        await().atMost(TIMEOUT)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> Instant.now().isAfter(expired));
    }
}
