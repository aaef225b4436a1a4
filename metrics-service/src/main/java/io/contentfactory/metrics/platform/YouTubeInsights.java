package io.contentfactory.metrics.platform;

import io.contentfactory.contracts.events.Platform;
import io.contentfactory.metrics.config.MetricsConfig;
import io.contentfactory.metrics.domain.Checkpoint;
import io.contentfactory.metrics.domain.MetricValues;
import io.contentfactory.metrics.domain.Reading;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A YouTube video's numbers. Early checkpoints read the Data API's {@code videos.list} statistics (one quota unit,
 * counted per project by {@link YouTubeQuota}): views, likes and comments as strings, {@code likeCount} absent when the
 * owner hides it. From {@code analytics-from} (+72h) on, the Analytics API's {@code reports.query} for the video, which
 * has watch time, engaged views and subscribers but lags 48–72 h: no rows yet is "not ready", asked again in the
 * checkpoint's window. Analytics calls cost no Data API units.
 */
@ApplicationScoped
public class YouTubeInsights implements InsightsReader {

    static final List<String> ANALYTICS_METRICS = List.of(
            "views",
            "engagedViews",
            "estimatedMinutesWatched",
            "averageViewDuration",
            "averageViewPercentage",
            "subscribersGained",
            "likes",
            "comments",
            "shares");

    /** The day YouTube opened: a report from it to today is the video's lifetime. */
    static final LocalDate LIFETIME_START = LocalDate.of(2005, 2, 14);

    private final WebClient http;
    private final MetricsConfig.YouTube config;
    private final YouTubeQuota quota;
    private final Checkpoint analyticsFrom;

    @jakarta.inject.Inject
    YouTubeInsights(WebClient http, MetricsConfig config, YouTubeQuota quota) {
        this(http, config.youtube(), quota);
    }

    YouTubeInsights(WebClient http, MetricsConfig.YouTube config, YouTubeQuota quota) {
        this.http = http;
        this.config = config;
        this.quota = quota;
        this.analyticsFrom = Checkpoint.parse(config.analyticsFrom());
    }

    @Override
    public Platform platform() {
        return Platform.YOUTUBE;
    }

    @Override
    public Uni<Reading> read(PostRead post) {
        return post.checkpoint().minutes() >= analyticsFrom.minutes() ? analytics(post) : statistics(post);
    }

    private Uni<Reading> statistics(PostRead post) {
        Instant now = Instant.now();
        if (!quota.spend(post.projectId(), 1, now)) {
            return Uni.createFrom()
                    .item(new Reading.Throttled(YouTubeQuota.nextDay(now), quota.refusal(post.projectId(), now)));
        }
        return http.getAbs(base(config.dataBaseUrl()) + "/youtube/v3/videos")
                .addQueryParam("part", "statistics")
                .addQueryParam("id", post.externalPostId())
                .putHeader("Authorization", "Bearer " + post.token())
                .timeout(config.timeout().toMillis())
                .send()
                .map(response -> statisticsReading(response.statusCode(), response.bodyAsString(), Instant.now()))
                .onFailure()
                .recoverWithItem(failure -> new Reading.Transient("youtube did not answer: " + failure));
    }

    private Uni<Reading> analytics(PostRead post) {
        return http.getAbs(base(config.analyticsBaseUrl()) + "/v2/reports")
                .addQueryParam("ids", "channel==MINE")
                .addQueryParam("startDate", LIFETIME_START.toString())
                .addQueryParam("endDate", LocalDate.now(YouTubeQuota.QUOTA_ZONE).toString())
                .addQueryParam("metrics", String.join(",", ANALYTICS_METRICS))
                .addQueryParam("filters", "video==" + post.externalPostId())
                .putHeader("Authorization", "Bearer " + post.token())
                .timeout(config.timeout().toMillis())
                .send()
                .map(response -> analyticsReading(response.statusCode(), response.bodyAsString(), Instant.now()))
                .onFailure()
                .recoverWithItem(failure -> new Reading.Transient("youtube analytics did not answer: " + failure));
    }

    /** What {@code videos.list} answered: a video missing from {@code items} was deleted or made private. */
    static Reading statisticsReading(int status, String text, Instant now) {
        JsonObject body = PlatformAnswer.json(text);
        if (status != 200 || body == null) {
            return GoogleAnswer.error(status, text, now);
        }
        JsonArray items = body.getJsonArray("items", new JsonArray());
        if (items.isEmpty()) {
            return new Reading.Gone("youtube no longer lists the video (deleted, or no longer visible)");
        }
        JsonObject statistics = items.getJsonObject(0).getJsonObject("statistics");
        if (statistics == null || statistics.isEmpty()) {
            return new Reading.NotReady("youtube has no statistics for the video yet (still processing)");
        }
        return new Reading.Collected(
                MetricValues.counts(
                        PlatformAnswer.count(statistics, "viewCount"),
                        PlatformAnswer.count(statistics, "likeCount"),
                        PlatformAnswer.count(statistics, "commentCount"),
                        null),
                body.encode());
    }

    /** What {@code reports.query} answered: a table without rows has no data for the video yet. */
    static Reading analyticsReading(int status, String text, Instant now) {
        JsonObject body = PlatformAnswer.json(text);
        if (status != 200 || body == null) {
            return GoogleAnswer.error(status, text, now);
        }
        JsonArray rows = body.getJsonArray("rows");
        if (rows == null || rows.isEmpty()) {
            return new Reading.NotReady("youtube analytics has no data for the video yet (it lags 48-72 h)");
        }
        Map<String, Number> row = new HashMap<>();
        JsonArray headers = body.getJsonArray("columnHeaders", new JsonArray());
        JsonArray values = rows.getJsonArray(0);
        for (int i = 0; i < headers.size() && i < values.size(); i++) {
            if (values.getValue(i) instanceof Number number) {
                row.put(headers.getJsonObject(i).getString("name"), number);
            }
        }
        Long minutesWatched = whole(row.get("estimatedMinutesWatched"));
        Long averageSeconds = whole(row.get("averageViewDuration"));
        return new Reading.Collected(
                new MetricValues(
                        whole(row.get("views")),
                        whole(row.get("likes")),
                        whole(row.get("comments")),
                        whole(row.get("shares")),
                        null,
                        null,
                        minutesWatched == null ? null : minutesWatched * 60_000,
                        averageSeconds == null ? null : averageSeconds * 1_000,
                        null,
                        null,
                        whole(row.get("subscribersGained"))),
                body.encode());
    }

    private static Long whole(Number number) {
        return number == null ? null : number.longValue();
    }

    private static String base(String url) {
        return url.replaceAll("/+$", "");
    }
}
