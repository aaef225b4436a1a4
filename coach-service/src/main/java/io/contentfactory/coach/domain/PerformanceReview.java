package io.contentfactory.coach.domain;

import io.contentfactory.contracts.events.MetricsCollected;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * A deterministic reading of one checkpoint against the project's own baseline: the median engagement rate of its
 * earlier posts at the same checkpoint. The LLM-backed coach of the coach issue builds on these numbers.
 */
public record PerformanceReview(double engagementRate, String summary, String whatWorked, String whatToChange) {

    public static PerformanceReview of(MetricsCollected metrics, List<Double> earlierRates) {
        // A metric the platform did not report counts for nothing in the sums below.
        long views = count(metrics.views());
        long likes = count(metrics.likes());
        long comments = count(metrics.comments());
        long shares = count(metrics.shares());
        long saves = count(metrics.saves());
        long interactions = likes + comments + shares + saves;
        double rate = views == 0 ? 0 : (double) interactions / views;
        OptionalDouble baseline = median(earlierRates);
        String comparison = baseline.isPresent() && baseline.getAsDouble() > 0
                ? String.format(
                        Locale.ROOT,
                        "%+.0f%% against this project's median at %s (%d earlier posts)",
                        (rate / baseline.getAsDouble() - 1) * 100,
                        metrics.checkpoint(),
                        earlierRates.size())
                : "the first post measured at " + metrics.checkpoint() + ", so there is no baseline yet";
        String summary = String.format(
                Locale.ROOT,
                "At %s: %d views, %.1f%% engagement (%d likes, %d comments, %d shares, %d saves); %s.",
                metrics.checkpoint(),
                views,
                rate * 100,
                likes,
                comments,
                shares,
                saves,
                comparison);

        List<String> worked = new ArrayList<>();
        List<String> change = new ArrayList<>();
        double saveRate = views == 0 ? 0 : (double) saves / views;
        double shareRate = views == 0 ? 0 : (double) shares / views;
        if (saveRate >= 0.02) {
            worked.add("Saves are high: viewers keep it for later, so reference-style content works here.");
        }
        if (shareRate >= 0.01) {
            worked.add("Shares are healthy: the post travels beyond the existing audience.");
        }
        if (baseline.isPresent() && rate < baseline.getAsDouble()) {
            change.add("Engagement is below this project's median: test a stronger hook in the first 2 seconds.");
        }
        if (comments * 100 < views) {
            change.add("Few comments: end the caption with a question to invite replies.");
        }
        return new PerformanceReview(
                rate,
                summary,
                joinOr(worked, "Nothing stands out yet."),
                joinOr(change, "Keep the format; nothing to change yet."));
    }

    private static OptionalDouble median(List<Double> values) {
        if (values.isEmpty()) {
            return OptionalDouble.empty();
        }
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return OptionalDouble.of(
                sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2);
    }

    private static String joinOr(List<String> lines, String fallback) {
        return lines.isEmpty() ? fallback : String.join(" ", lines);
    }

    private static long count(Long reported) {
        return reported == null ? 0 : reported;
    }
}
