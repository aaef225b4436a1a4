package io.contentfactory.metrics.domain;

import java.util.Locale;
import java.util.OptionalDouble;

/**
 * The post-social score of one checkpoint: 0–100, with an explanation in words.
 *
 * <p>The formula. Let {@code v} be the post's views at the checkpoint (reach when the platform reports no views) and
 * {@code b} the account's baseline: the median of the same metric over the account's earlier posts on the same
 * platform, in the same format, at the same checkpoint: its latest {@link #BASELINE_POSTS}, so that the baseline
 * follows the account as it grows and costs the same for its thousandth post as for its tenth. With {@code r = v / b} the score is {@code 100 · r / (1 + r)}:
 * 50 at the baseline, 75 at three times it, 25 at a third, never reaching 0 or 100. Below {@link #MIN_EARLIER_POSTS}
 * earlier posts there is no baseline and no score, and the explanation says so rather than invent one.
 *
 * <p>The pre-social score predicts this number on the same scale before the post goes out (50 predicts the
 * account's median), so the explanation compares the two: the difference says how much better or worse the post did
 * than predicted.
 */
public record PostSocialScore(Double score, String explanation, String metric, Baseline baseline) {

    /** No score, for the reason in {@code explanation}. */
    PostSocialScore(String explanation) {
        this(null, explanation, null, null);
    }

    /** How many earlier posts a baseline needs. */
    public static final int MIN_EARLIER_POSTS = 3;

    /** How many of the account's latest earlier posts a baseline rests on, at most. */
    public static final int BASELINE_POSTS = 100;

    /** The account's median for this platform, format and checkpoint, and how many posts it rests on. */
    public record Baseline(double median, int posts) {}

    public static PostSocialScore of(
            String checkpoint, String format, MetricValues values, Baseline baseline, OptionalDouble prediction) {
        String metric = values.views() != null ? "views" : "reach";
        Long actual = values.views() != null ? values.views() : values.reach();
        String predicted = prediction.isPresent()
                ? " The pre-social prediction was " + round(prediction.getAsDouble()) + "."
                : " There was no pre-social prediction.";
        if (actual == null) {
            return new PostSocialScore(
                    "No score at " + checkpoint + ": the platform reported neither views nor reach." + predicted);
        }
        if (baseline == null || baseline.posts() < MIN_EARLIER_POSTS) {
            int earlier = baseline == null ? 0 : baseline.posts();
            return new PostSocialScore("No baseline yet: " + earlier + " earlier " + plural(format, earlier)
                    + " of this account at " + checkpoint + ", " + MIN_EARLIER_POSTS + " needed." + predicted);
        }
        // A median under one (earlier posts that nobody saw) counts as one, so that the ratio stays finite.
        double ratio = actual / Math.max(1.0, baseline.median());
        double score = round(100.0 * ratio / (1.0 + ratio));
        return new PostSocialScore(
                score,
                String.format(
                                Locale.ROOT,
                                "%,d %s at %s, %s the account's median of %,.0f over %d earlier %s: score %.0f.",
                                actual,
                                metric,
                                checkpoint,
                                relation(ratio),
                                baseline.median(),
                                baseline.posts(),
                                plural(format, baseline.posts()),
                                score)
                        + versus(score, prediction),
                metric,
                baseline);
    }

    private static String relation(double ratio) {
        if (Math.abs(ratio - 1) < 0.05) {
            return "about";
        }
        return String.format(Locale.ROOT, "%.1f× %s", ratio, ratio > 1 ? "above" : "of");
    }

    private static String versus(double score, OptionalDouble prediction) {
        if (prediction.isEmpty()) {
            return " There was no pre-social prediction.";
        }
        double predicted = round(prediction.getAsDouble());
        double difference = score - predicted;
        if (Math.abs(difference) < 5) {
            return String.format(Locale.ROOT, " As the pre-social prediction of %.0f expected.", predicted);
        }
        return String.format(
                Locale.ROOT,
                " %s the pre-social prediction of %.0f by %.0f points.",
                difference > 0 ? "Above" : "Below",
                predicted,
                Math.abs(difference));
    }

    private static String plural(String format, int count) {
        String noun = format == null ? "post" : format.replace('_', ' ') + " post";
        return count == 1 ? noun : noun + "s";
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
