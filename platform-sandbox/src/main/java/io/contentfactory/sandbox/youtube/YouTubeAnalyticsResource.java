package io.contentfactory.sandbox.youtube;

import io.contentfactory.sandbox.common.FaultInjector;
import io.contentfactory.sandbox.common.Faults;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The YouTube Analytics API's {@code reports.query} for one video of the token's channel ({@code ids=channel==MINE},
 * {@code filters=video==ID}): one row of lifetime totals over the dates asked, once the data has landed (it lags
 * {@code analytics-lag} behind the upload, 48–72 hours on YouTube). Before that the table comes without {@code rows},
 * as YouTube answers for a period with no data. Unknown metrics, dates and filters are refused the way Google does.
 */
@Path("/youtube-analytics/v2/reports")
@Produces(MediaType.APPLICATION_JSON)
public class YouTubeAnalyticsResource {

    private static final String PLATFORM = "youtube";

    /** The metrics this sandbox reports per video, with their column data type. */
    static final Map<String, String> METRICS = Map.of(
            "views", "INTEGER",
            "engagedViews", "INTEGER",
            "estimatedMinutesWatched", "INTEGER",
            "averageViewDuration", "INTEGER",
            "averageViewPercentage", "FLOAT",
            "subscribersGained", "INTEGER",
            "subscribersLost", "INTEGER",
            "likes", "INTEGER",
            "comments", "INTEGER",
            "shares", "INTEGER");

    private static final Set<String> CHANNEL_IDS = Set.of("channel==MINE");

    private final YouTubeSandbox sandbox;
    private final FaultInjector faults;

    YouTubeAnalyticsResource(YouTubeSandbox sandbox, FaultInjector faults) {
        this.sandbox = sandbox;
        this.faults = faults;
    }

    @GET
    public Uni<Map<String, Object>> query(
            @HeaderParam("Authorization") String authorization,
            @QueryParam("ids") String ids,
            @QueryParam("startDate") String startDate,
            @QueryParam("endDate") String endDate,
            @QueryParam("metrics") String metrics,
            @QueryParam("filters") String filters) {
        String channel = channel(authorization);
        if (ids == null || !CHANNEL_IDS.contains(ids) && !ids.equals("channel==" + channel)) {
            throw new GoogleError(400, "invalid", "global", "Invalid value at 'ids'.");
        }
        LocalDate start = date("startDate", startDate);
        LocalDate end = date("endDate", endDate);
        if (end.isBefore(start)) {
            throw new GoogleError(400, "invalid", "global", "The end date is before the start date.");
        }
        if (metrics == null || metrics.isBlank()) {
            throw new GoogleError(400, "required", "global", "Required parameter: metrics");
        }
        List<String> asked = List.of(metrics.split(","));
        for (String metric : asked) {
            if (!METRICS.containsKey(metric)) {
                throw new GoogleError(
                        400,
                        "badRequest",
                        "global",
                        "Unknown identifier (" + metric + ") given in field parameters.metrics.");
            }
        }
        if (filters == null || !filters.startsWith("video==")) {
            throw new GoogleError(
                    400,
                    "badRequest",
                    "global",
                    "The query is not supported. Check the documentation for supported queries.");
        }
        String videoId = filters.substring("video==".length());
        return Faults.apply(
                faults.take(PLATFORM, channel, "ANALYTICS"),
                () -> Uni.createFrom().item(table(asked, videoId, channel, Instant.now())),
                GoogleError::forFault);
    }

    private Map<String, Object> table(List<String> asked, String videoId, String channel, Instant now) {
        Map<String, Object> table = new LinkedHashMap<>();
        table.put("kind", "youtubeAnalytics#resultTable");
        List<Map<String, Object>> headers = new ArrayList<>();
        for (String metric : asked) {
            headers.add(Map.of("name", metric, "columnType", "METRIC", "dataType", METRICS.get(metric)));
        }
        table.put("columnHeaders", headers);
        sandbox.video(videoId)
                .filter(video -> video.channelId().equals(channel) && sandbox.analyticsReady(video, now))
                .ifPresent(video -> table.put(
                        "rows",
                        List.of(asked.stream()
                                .map(metric -> value(video, metric, now))
                                .toList())));
        return table;
    }

    /** The video's totals as they stood when the data last landed: {@code analytics-lag} ago is not modelled apart. */
    private static Object value(YouTubeSandbox.Video video, String metric, Instant now) {
        long views = video.views(now);
        long average = video.averageViewDurationSeconds();
        return switch (metric) {
            case "views" -> views;
            case "engagedViews" -> views * 7 / 10;
            case "estimatedMinutesWatched" -> views * average / 60;
            case "averageViewDuration" -> average;
            case "averageViewPercentage" -> Math.round(average * 1000.0 / 45) / 10.0;
            case "subscribersGained" -> views / 150;
            case "subscribersLost" -> views / 1500;
            case "likes" -> video.likes(now);
            case "comments" -> video.comments(now);
            default -> views / 100;
        };
    }

    private static LocalDate date(String name, String value) {
        if (value == null) {
            throw new GoogleError(400, "required", "global", "Required parameter: " + name);
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new GoogleError(400, "invalid", "global", "Invalid value at '" + name + "' (YYYY-MM-DD).");
        }
    }

    private String channel(String authorization) {
        return sandbox.channelOfBearer(authorization);
    }
}
