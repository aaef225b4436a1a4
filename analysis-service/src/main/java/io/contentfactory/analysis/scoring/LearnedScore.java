package io.contentfactory.analysis.scoring;

import io.contentfactory.contracts.events.LearningFeatures;
import io.contentfactory.contracts.events.ModelUpdated;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * An item's score under an account's learned model (docs/learning.md): the predicted outcome, ln(views at the model's
 * checkpoint ÷ the account's median), as the chance of beating that median (the 0–100 score), the percentile among the
 * account's own posts with its 95 % interval, and each feature's learned part of the prediction.
 *
 * @param score          100 × the chance the item beats the account's median
 * @param percentile     where the predicted outcome falls among the account's measured posts, 0–100
 * @param percentileLow  the same for the low end of the prediction's 95 % interval
 * @param percentileHigh the same for its high end
 * @param contributions  each feature's learned part of the predicted outcome, largest first
 */
public record LearnedScore(
        String platform,
        String accountId,
        int modelVersion,
        int posts,
        String checkpoint,
        double score,
        double beatsMedian,
        double percentile,
        double percentileLow,
        double percentileHigh,
        List<Part> contributions) {

    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(0, 1);
    private static final double Z95 = STANDARD_NORMAL.inverseCumulativeProbability(0.975);

    /** One feature: its value on this item, its learned effect, and their product in the prediction. */
    public record Part(String feature, double value, double effect, double contribution) {

        public String text() {
            return String.format(Locale.ROOT, "%s %+.2f (effect %+.2f × %.2f)", feature, contribution, effect, value);
        }
    }

    /** The item with these features ({@link LearningFeatures#of}) under the model. */
    public static LearnedScore of(ModelUpdated model, double[] features) {
        List<ModelUpdated.Effect> effects = model.effects();
        double mean = 0;
        List<Part> parts = new ArrayList<>();
        for (int j = 0; j < effects.size(); j++) {
            double contribution = effects.get(j).mean() * features[j];
            mean += contribution;
            if (!effects.get(j).feature().equals(LearningFeatures.LEVEL)) {
                parts.add(new Part(
                        effects.get(j).feature(), features[j], effects.get(j).mean(), contribution));
            }
        }
        parts.sort((a, b) -> Double.compare(Math.abs(b.contribution()), Math.abs(a.contribution())));
        double uncertainty = 0;
        for (int i = 0; i < effects.size(); i++) {
            for (int j = 0; j < effects.size(); j++) {
                uncertainty += features[i] * model.covariance()[i][j] * features[j];
            }
        }
        double spread = Math.sqrt(Math.max(0, uncertainty));
        double beats = STANDARD_NORMAL.cumulativeProbability(
                mean / Math.sqrt(model.noiseVariance() + Math.max(0, uncertainty)));
        List<Double> quantiles = model.outcomeQuantiles();
        return new LearnedScore(
                model.platform().name().toLowerCase(Locale.ROOT),
                model.accountId(),
                model.version(),
                model.posts(),
                model.checkpoint(),
                Math.round(beats * 1000) / 10.0,
                beats,
                percentile(quantiles, mean),
                percentile(quantiles, mean - Z95 * spread),
                percentile(quantiles, mean + Z95 * spread),
                List.copyOf(parts));
    }

    /** Where {@code value} falls among the outcomes whose 0th, 5th, ..., 100th percentiles are given, 0–100. */
    static double percentile(List<Double> quantiles, double value) {
        if (quantiles.isEmpty()) {
            return 50;
        }
        if (value <= quantiles.getFirst()) {
            return 0;
        }
        if (value >= quantiles.getLast()) {
            return 100;
        }
        double step = 100.0 / (quantiles.size() - 1);
        for (int i = 1; i < quantiles.size(); i++) {
            double low = quantiles.get(i - 1);
            double high = quantiles.get(i);
            if (value <= high) {
                double within = high > low ? (value - low) / (high - low) : 0.5;
                return Math.round(((i - 1) + within) * step * 10) / 10.0;
            }
        }
        return 100;
    }

    /** The explanation's line: the learned score, what it rests on, and its largest parts. */
    public String explanation() {
        List<String> top = contributions.stream().limit(4).map(Part::text).toList();
        return String.format(
                Locale.ROOT,
                "learned for %s account %s (model v%d, %d posts at %s): %.0f%% chance to beat its median, percentile"
                        + " %.0f (95%% %.0f–%.0f), largest parts: %s",
                platform,
                accountId,
                modelVersion,
                posts,
                checkpoint,
                beatsMedian * 100,
                percentile,
                percentileLow,
                percentileHigh,
                String.join(", ", top));
    }
}
