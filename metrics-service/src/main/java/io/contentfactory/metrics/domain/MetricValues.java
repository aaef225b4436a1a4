package io.contentfactory.metrics.domain;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a platform reported for a post at one reading. A metric the platform did not report is null, never 0.
 *
 * @param watchTimeMs    total watch time, in milliseconds
 * @param avgWatchTimeMs average watch time per view, in milliseconds
 * @param ctr            click-through rate, 0–1
 * @param followerDelta  followers gained through the post
 */
public record MetricValues(
        Long views,
        Long likes,
        Long comments,
        Long shares,
        Long saves,
        Long reach,
        Long watchTimeMs,
        Long avgWatchTimeMs,
        Double ctr,
        Long profileVisits,
        Long followerDelta) {

    public static final MetricValues NONE =
            new MetricValues(null, null, null, null, null, null, null, null, null, null, null);

    /** The public counters only, as a platform's basic video listing reports them; the rest not reported. */
    public static MetricValues counts(Long views, Long likes, Long comments, Long shares) {
        return new MetricValues(views, likes, comments, shares, null, null, null, null, null, null, null);
    }

    /**
     * The lifetime counters, which never shrink on a platform that counts honestly, by name; reported ones only.
     * Averages and rates may fall and are left out.
     */
    public Map<String, Long> counters() {
        Map<String, Long> counters = new LinkedHashMap<>();
        put(counters, "views", views);
        put(counters, "likes", likes);
        put(counters, "comments", comments);
        put(counters, "shares", shares);
        put(counters, "saves", saves);
        put(counters, "reach", reach);
        put(counters, "watch_time_ms", watchTimeMs);
        put(counters, "profile_visits", profileVisits);
        return counters;
    }

    /** Whether the platform reported anything at all. */
    public boolean reportsAnything() {
        return !counters().isEmpty() || avgWatchTimeMs != null || ctr != null || followerDelta != null;
    }

    private static void put(Map<String, Long> counters, String name, Long value) {
        if (value != null) {
            counters.put(name, value);
        }
    }
}
