package io.contentfactory.metrics.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.contentfactory.metrics.config.MetricsConfig;
import io.contentfactory.metrics.domain.Checkpoint;
import io.contentfactory.metrics.domain.Reading;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.web.client.WebClient;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TikTokVideoQueryTest {

    /** The ids of each call the fake Display API got, and the token it came with. */
    private static final List<String> CALLS = new CopyOnWriteArrayList<>();

    private static HttpServer server;
    private static Vertx vertx;
    private static TikTokVideoQuery query;

    @BeforeAll
    static void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v2/video/query/", exchange -> {
            JsonArray ids = new JsonObject(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8))
                    .getJsonObject("filters")
                    .getJsonArray("video_ids");
            CALLS.add(exchange.getRequestHeaders().getFirst("Authorization") + " " + ids.size());
            JsonArray videos = new JsonArray();
            ids.forEach(id -> {
                if (!String.valueOf(id).endsWith("0")) { // ids ending in 0 were deleted
                    videos.add(new JsonObject()
                            .put("id", id)
                            .put("view_count", 100)
                            .put("like_count", 7));
                }
            });
            byte[] body = new JsonObject()
                    .put("data", new JsonObject().put("videos", videos))
                    .put("error", new JsonObject().put("code", "ok").put("message", ""))
                    .encode()
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        vertx = Vertx.vertx();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        query = new TikTokVideoQuery(WebClient.create(vertx), vertx, new MetricsConfig.TikTok() {
            @Override
            public String baseUrl() {
                return base;
            }

            @Override
            public Duration timeout() {
                return Duration.ofSeconds(30);
            }

            @Override
            public Duration batchLinger() {
                return Duration.ofMillis(200);
            }
        });
    }

    private static InsightsReader.PostRead video(String id, String token) {
        return new InsightsReader.PostRead(UUID.randomUUID(), id, "tiktok_video", Checkpoint.parse("1h"), token);
    }

    @AfterAll
    static void stop() {
        server.stop(0);
        vertx.closeAndAwait();
    }

    @Test
    void readsOfOneAccountShareCallsOfUpToTwentyIdsAndADeletedVideoIsGone() {
        CALLS.clear();
        List<Uni<Reading>> reads = new ArrayList<>();
        IntStream.rangeClosed(1, 25)
                .forEach(i -> reads.add(query.read(video("73000000000000000" + (10 + i), "token-a"))));
        reads.add(query.read(video("7300000000000000099", "token-b")));

        List<Reading> readings = Uni.join().all(reads).andFailFast().await().atMost(Duration.ofSeconds(30));

        assertThat(CALLS).containsExactlyInAnyOrder("Bearer token-a 20", "Bearer token-a 5", "Bearer token-b 1");
        assertThat(readings).hasSize(26);
        assertThat(readings.get(0)).isInstanceOf(Reading.Collected.class);
        assertThat(((Reading.Collected) readings.get(0)).values().views()).isEqualTo(100);
        assertThat(((Reading.Collected) readings.get(0)).values().saves()).isNull();
        assertThat(readings.get(9)).as("the id ending in 0").isInstanceOf(Reading.Gone.class);
    }

    @Test
    void anErrorAnswerIsTheSameReadingForEveryVideoOfTheCall() {
        Instant now = Instant.parse("2026-12-03T10:00:00Z");
        String limited = "{\"data\":{},\"error\":{\"code\":\"rate_limit_exceeded\",\"message\":\"slow down\"}}";
        assertThat(TikTokVideoQuery.readings(429, limited, now).apply("1"))
                .isEqualTo(new Reading.Throttled(
                        now.plus(TikTokVideoQuery.THROTTLE_WAIT),
                        "tiktok answered HTTP 429 rate_limit_exceeded: slow down"));
        assertThat(TikTokVideoQuery.readings(
                                401, "{\"error\":{\"code\":\"access_token_invalid\",\"message\":\"\"}}", now)
                        .apply("2"))
                .isInstanceOf(Reading.TokenRejected.class);
        assertThat(TikTokVideoQuery.readings(500, "<html>", now).apply("3")).isInstanceOf(Reading.Transient.class);
        assertThat(TikTokVideoQuery.readings(400, "{\"error\":{\"code\":\"invalid_params\",\"message\":\"bad\"}}", now)
                        .apply("4"))
                .isInstanceOf(Reading.Unavailable.class);
    }
}
