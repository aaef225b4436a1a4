package io.contentfactory.metrics.platform;

import io.contentfactory.contracts.events.Platform;
import io.contentfactory.metrics.config.MetricsConfig;
import io.contentfactory.metrics.domain.MetricValues;
import io.contentfactory.metrics.domain.Reading;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A TikTok video's lifetime counters from the Display API's {@code POST /v2/video/query/}, which takes up to 20 video
 * ids of one creator per call: reads of the same account that come within {@code batch-linger} of each other share
 * one call, so a burst of due checkpoints spends one call per 20 videos of the budget (600 calls a minute per
 * endpoint). A video the answer leaves out was deleted or made private: nothing left to read. Ids stay strings (19
 * digits).
 */
@ApplicationScoped
public class TikTokVideoQuery implements InsightsReader {

    static final int MAX_IDS = 20;
    static final String FIELDS = "id,view_count,like_count,comment_count,share_count";
    /** TikTok's window is a sliding minute: over it, the next minute has room again. */
    static final Duration THROTTLE_WAIT = Duration.ofMinutes(1);

    private final WebClient http;
    private final Vertx vertx;
    private final MetricsConfig.TikTok config;
    private final Map<String, List<Waiting>> batches = new HashMap<>();

    private record Waiting(String videoId, UniEmitter<? super Reading> reading) {}

    @jakarta.inject.Inject
    TikTokVideoQuery(WebClient http, Vertx vertx, MetricsConfig config) {
        this(http, vertx, config.tiktok());
    }

    TikTokVideoQuery(WebClient http, Vertx vertx, MetricsConfig.TikTok config) {
        this.http = http;
        this.vertx = vertx;
        this.config = config;
    }

    @Override
    public Platform platform() {
        return Platform.TIKTOK;
    }

    /**
     * Joins the account's batch. The batch's answer arrives on the context of the read that opened it, so each read
     * resumes on its own: reads run concurrently, each with its own database session bound to its context.
     */
    @Override
    public Uni<Reading> read(PostRead post) {
        io.vertx.core.Context own = io.vertx.core.Vertx.currentContext();
        Uni<Reading> joined =
                Uni.createFrom().emitter(reading -> join(post.token(), new Waiting(post.externalPostId(), reading)));
        return own == null ? joined : joined.emitOn(task -> own.runOnContext(ignored -> task.run()));
    }

    /** Adds a read to its account's open batch, opening one (and its linger timer) if none is; a full batch goes. */
    private void join(String token, Waiting waiting) {
        List<Waiting> full = null;
        synchronized (batches) {
            List<Waiting> batch = batches.get(token);
            if (batch == null) {
                batch = new ArrayList<>();
                batches.put(token, batch);
                List<Waiting> opened = batch;
                vertx.setTimer(Math.max(1, config.batchLinger().toMillis()), timer -> send(token, take(token, opened)));
            }
            batch.add(waiting);
            if (batch.size() == MAX_IDS) {
                full = take(token, batch);
            }
        }
        if (full != null) {
            send(token, full);
        }
    }

    /** The batch, if it is still the account's open one; empty if it already went. */
    private List<Waiting> take(String token, List<Waiting> batch) {
        synchronized (batches) {
            return batches.remove(token, batch) ? batch : List.of();
        }
    }

    private void send(String token, List<Waiting> batch) {
        if (batch.isEmpty()) {
            return;
        }
        JsonObject body = new JsonObject()
                .put(
                        "filters",
                        new JsonObject()
                                .put(
                                        "video_ids",
                                        new JsonArray(batch.stream()
                                                .map(Waiting::videoId)
                                                .toList())));
        http.postAbs(config.baseUrl().replaceAll("/+$", "") + "/v2/video/query/")
                .addQueryParam("fields", FIELDS)
                .putHeader("Authorization", "Bearer " + token)
                .timeout(config.timeout().toMillis())
                .sendJsonObject(body)
                .subscribe()
                .with(
                        response -> {
                            Function<String, Reading> readings =
                                    readings(response.statusCode(), response.bodyAsString(), Instant.now());
                            batch.forEach(waiting -> waiting.reading().complete(readings.apply(waiting.videoId())));
                        },
                        failure -> batch.forEach(waiting -> waiting.reading()
                                .complete(new Reading.Transient("tiktok did not answer: " + failure))));
    }

    /**
     * What TikTok's answer means for each video asked, by id: a video the answer leaves out is {@link Reading.Gone};
     * an error answer is the same reading for all.
     */
    static Function<String, Reading> readings(int status, String text, Instant now) {
        JsonObject body = PlatformAnswer.json(text);
        JsonObject error = body == null ? null : body.getJsonObject("error");
        String code = error == null ? null : error.getString("code");
        if (status == 200 && body != null && (code == null || "ok".equals(code))) {
            Map<String, Reading> found = new HashMap<>();
            JsonArray videos = body.getJsonObject("data", new JsonObject()).getJsonArray("videos", new JsonArray());
            for (int i = 0; i < videos.size(); i++) {
                JsonObject video = videos.getJsonObject(i);
                found.put(String.valueOf(video.getValue("id")), new Reading.Collected(values(video), video.encode()));
            }
            Reading gone = new Reading.Gone("tiktok no longer lists the video (deleted, or no longer public)");
            return videoId -> found.getOrDefault(videoId, gone);
        }
        String reason = "tiktok answered HTTP " + status + (code == null ? "" : " " + code)
                + (error == null ? "" : ": " + error.getString("message", ""));
        Reading all;
        if (status == 429 || "rate_limit_exceeded".equals(code)) {
            all = new Reading.Throttled(now.plus(THROTTLE_WAIT), reason);
        } else if ("access_token_invalid".equals(code) || "scope_not_authorized".equals(code) || status == 401) {
            all = new Reading.TokenRejected(reason);
        } else if (status >= 500 || status == 408) {
            all = new Reading.Transient(reason);
        } else {
            all = new Reading.Unavailable(reason);
        }
        return videoId -> all;
    }

    private static MetricValues values(JsonObject video) {
        return MetricValues.counts(
                PlatformAnswer.count(video, "view_count"),
                PlatformAnswer.count(video, "like_count"),
                PlatformAnswer.count(video, "comment_count"),
                PlatformAnswer.count(video, "share_count"));
    }
}
