package io.contentfactory.metrics.platform;

import io.contentfactory.contracts.events.Platform;
import io.contentfactory.contracts.events.PostFormat;
import io.contentfactory.metrics.config.MetricsConfig;
import io.contentfactory.metrics.domain.MetricValues;
import io.contentfactory.metrics.domain.Reading;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A post's lifetime insights from Instagram's Graph API ({@code GET /{media-id}/insights}), asking for the metric set
 * the media type supports: one metric it does not support fails the whole request with code 100, which would be a bug
 * of ours. The deprecated {@code impressions} and {@code plays} are never asked for.
 */
@ApplicationScoped
public class InstagramInsights implements InsightsReader {

    /** Feed images and carousel albums (a carousel's children have no insights of their own: the album is asked). */
    static final List<String> FEED_METRICS = List.of(
            "views",
            "reach",
            "likes",
            "comments",
            "shares",
            "saved",
            "total_interactions",
            "follows",
            "profile_visits");

    static final List<String> REEL_METRICS = List.of(
            "views",
            "reach",
            "likes",
            "comments",
            "shares",
            "saved",
            "total_interactions",
            "ig_reels_avg_watch_time",
            "ig_reels_video_view_total_time");

    /** Graph API codes that mean "too many calls": application, user, page and custom rate limits. */
    private static boolean throttling(int code) {
        return code == 4 || code == 17 || code == 32 || code == 613 || (code >= 80000 && code <= 80014);
    }

    private final WebClient http;
    private final MetricsConfig.Instagram config;
    private final MetaRateLimits limits;

    InstagramInsights(WebClient http, MetricsConfig config, MetaRateLimits limits) {
        this.http = http;
        this.config = config.instagram();
        this.limits = limits;
    }

    @Override
    public Platform platform() {
        return Platform.INSTAGRAM;
    }

    /** The metrics asked for a post of {@code format}. */
    public static List<String> metricsFor(String format) {
        return PostFormat.REEL.name().equalsIgnoreCase(format) ? REEL_METRICS : FEED_METRICS;
    }

    /** One read, unless the account rests near Meta's rate limit ({@link MetaRateLimits}): then it waits. */
    @Override
    public Uni<Reading> read(PostRead post) {
        String mediaId = post.externalPostId();
        String token = post.token();
        Optional<MetaRateLimits.Rest> rest = limits.resting(token, Instant.now());
        if (rest.isPresent()) {
            return Uni.createFrom()
                    .item(new Reading.Throttled(rest.get().until(), rest.get().reason()));
        }
        String url = config.baseUrl().replaceAll("/+$", "") + "/" + config.apiVersion() + "/" + mediaId + "/insights";
        return http.getAbs(url)
                .addQueryParam("metric", String.join(",", metricsFor(post.format())))
                .addQueryParam("access_token", token)
                .timeout(config.timeout().toMillis())
                .send()
                .map(response -> {
                    Instant now = Instant.now();
                    String businessUseCase = response.getHeader("X-Business-Use-Case-Usage");
                    limits.observe(token, businessUseCase, response.getHeader("X-App-Usage"), now);
                    return reading(response.statusCode(), response.bodyAsString(), businessUseCase, now);
                })
                .onFailure()
                .recoverWithItem(failure -> new Reading.Transient("instagram did not answer: " + failure));
    }

    /** What Instagram's answer means: {@code usage} is the {@code X-Business-Use-Case-Usage} header, if any. */
    static Reading reading(int status, String text, String usage, Instant now) {
        JsonObject body = PlatformAnswer.json(text);
        if (status == 200 && body != null) {
            JsonArray data = body.getJsonArray("data", new JsonArray());
            return data.isEmpty()
                    ? new Reading.NotReady("instagram has no insights for the post yet (empty data)")
                    : new Reading.Collected(values(data), body.encode());
        }
        JsonObject error = body == null ? null : body.getJsonObject("error");
        if (error == null) {
            return status >= 500 || status == 429
                    ? new Reading.Transient("instagram answered HTTP " + status)
                    : new Reading.Unavailable("instagram answered HTTP " + status);
        }
        int code = error.getInteger("code", 0);
        String reason = "instagram error " + code + ": " + error.getString("message", "");
        if (code == 190) {
            return new Reading.TokenRejected(reason);
        }
        if (throttling(code)) {
            return new Reading.Throttled(MetaUsage.of(usage, null).regainAccess(now), reason);
        }
        if (status >= 500 || code == 1 || code == 2 || error.getBoolean("is_transient", false)) {
            return new Reading.Transient(reason);
        }
        return new Reading.Unavailable(reason);
    }

    private static MetricValues values(JsonArray data) {
        Map<String, Long> reported = new HashMap<>();
        for (int i = 0; i < data.size(); i++) {
            JsonObject metric = data.getJsonObject(i);
            JsonArray values = metric.getJsonArray("values", new JsonArray());
            if (!values.isEmpty() && values.getJsonObject(0).getValue("value") instanceof Number number) {
                reported.put(metric.getString("name"), number.longValue());
            }
        }
        return new MetricValues(
                reported.get("views"),
                reported.get("likes"),
                reported.get("comments"),
                reported.get("shares"),
                reported.get("saved"),
                reported.get("reach"),
                reported.get("ig_reels_video_view_total_time"),
                reported.get("ig_reels_avg_watch_time"),
                null,
                reported.get("profile_visits"),
                reported.get("follows"));
    }
}
