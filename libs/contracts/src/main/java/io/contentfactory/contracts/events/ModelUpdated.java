package io.contentfactory.contracts.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The model in force for one account changed: a new version was learned, a project pinned one, or reset the account
 * to the default weights. It carries everything a consumer scores or plans with, so none needs to ask the coach.
 *
 * <p>The outcome the model predicts is ln(the post's {@code metric} at {@code checkpoint} ÷ the account's median).
 *
 * @param version          the version in force; 0 means the defaults (no learned model: {@code effects} and
 *                         {@code slots} are empty)
 * @param source           {@code learned} (the newest version), {@code pinned} (a version the project chose) or
 *                         {@code defaults} (the project reset the account)
 * @param posts            how many measured posts the version rests on
 * @param effects          per {@link LearningFeatures#NAMES} feature, in that order: the effect on the outcome of the
 *                         feature going from 0 to 1, with its 95 % interval
 * @param covariance       the effects' posterior covariance, rows and columns in the order of {@code effects}
 * @param noiseVariance    the spread of outcomes the model does not explain
 * @param outcomeQuantiles the account's measured outcomes at the 0th, 5th, ..., 100th percentile (21 values)
 * @param timeZone         the zone {@code slots} are in
 * @param slots            168 hour-of-week effects on the outcome, Monday 00:00 first, averaging zero
 * @param validation       how the version did on the account's latest posts, held out of its fit; null when there
 *                         were too few
 */
public record ModelUpdated(
        Platform platform,
        String accountId,
        int version,
        String source,
        int posts,
        String checkpoint,
        Instant fittedAt,
        List<Effect> effects,
        double[][] covariance,
        double noiseVariance,
        List<Double> outcomeQuantiles,
        String timeZone,
        List<SlotEffect> slots,
        Validation validation)
        implements PipelineEvent {

    public static final String LEARNED = "learned";
    public static final String PINNED = "pinned";
    public static final String DEFAULTS = "defaults";

    /** One feature's learned effect and its 95 % interval. */
    public record Effect(String feature, double mean, double low, double high) {}

    /** One hour of the week: its effect on the outcome and the effect's standard deviation. */
    public record SlotEffect(double mean, double sd) {}

    /**
     * Figures on held-out posts: Spearman's rank correlation of predicted and realised outcomes, for the learned model
     * and for the default pre-social score, and the Brier score of "beats the account's median".
     */
    public record Validation(int heldOut, double learnedSpearman, double defaultSpearman, double brier) {}

    public ModelUpdated {
        Required.fields("platform", platform, "accountId", accountId, "source", source, "checkpoint", checkpoint);
        effects = effects == null ? List.of() : List.copyOf(effects);
        outcomeQuantiles = outcomeQuantiles == null ? List.of() : List.copyOf(outcomeQuantiles);
        slots = slots == null ? List.of() : List.copyOf(slots);
        covariance = covariance == null ? new double[0][] : covariance;
    }

    /** Whether a learned model is in force, rather than the defaults. */
    public boolean learned() {
        return version > 0 && !effects.isEmpty();
    }

    @Override
    public String partitionKey(UUID projectId) {
        return projectId.toString();
    }
}
