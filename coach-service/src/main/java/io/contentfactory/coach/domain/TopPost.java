package io.contentfactory.coach.domain;

import io.contentfactory.contracts.events.MetricsCollected;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A post of the media that beat its account's baseline: at a checkpoint, its baseline metric (views, or reach) above
 * the median of the account's earlier posts. A reading without a baseline (the account's first posts) beats nothing.
 *
 * @param metricId   the snapshot entry of the post's figure
 * @param baselineId the snapshot entry of the account's median
 */
public record TopPost(
        CoachSnapshot.Reading reading, String metric, long actual, double median, String metricId, String baselineId) {

    /** The platform of the post, as the API and the plans name it ({@code instagram}). */
    public String platform() {
        return reading.metrics().platform().name().toLowerCase(Locale.ROOT);
    }

    public double ratio() {
        return actual / Math.max(1.0, median);
    }

    public List<String> evidence() {
        return List.of(metricId, baselineId);
    }

    /** The reading at {@code checkpoint} that beat its baseline by the most, if one did. */
    public static Optional<TopPost> at(CoachSnapshot snapshot, String checkpoint) {
        return snapshot.readings().stream()
                .filter(reading -> reading.metrics().checkpoint().equals(checkpoint))
                .map(reading -> of(snapshot, reading))
                .flatMap(Optional::stream)
                .max(Comparator.comparingDouble(TopPost::ratio));
    }

    /** The latest reading of any target that beat its baseline by the most, if one did. */
    public static Optional<TopPost> latest(CoachSnapshot snapshot) {
        return snapshot.latestPerTarget().stream()
                .map(reading -> of(snapshot, reading))
                .flatMap(Optional::stream)
                .max(Comparator.comparingDouble(TopPost::ratio));
    }

    private static Optional<TopPost> of(CoachSnapshot snapshot, CoachSnapshot.Reading reading) {
        MetricsCollected.AccountBaseline baseline = reading.metrics().baseline();
        if (baseline == null) {
            return Optional.empty();
        }
        String metricId = reading.prefix("metric") + "." + baseline.metric();
        String baselineId = reading.prefix("baseline") + "." + baseline.metric();
        return CoachRules.count(snapshot, reading, baseline.metric())
                .filter(actual -> actual > baseline.median() && snapshot.has(baselineId))
                .map(actual ->
                        new TopPost(reading, baseline.metric(), actual, baseline.median(), metricId, baselineId));
    }
}
