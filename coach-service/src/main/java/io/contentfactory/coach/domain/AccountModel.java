package io.contentfactory.coach.domain;

import io.contentfactory.contracts.events.LearningFeatures;
import io.contentfactory.contracts.events.ModelUpdated;
import io.contentfactory.contracts.events.Platform;
import java.time.Instant;
import java.util.List;

/**
 * One version of an account's learned model: what each feature does to its outcome, when it posts best, and how the
 * version did on posts held out of its fit. Version 0 is the defaults: nothing learned.
 *
 * @param effects          per {@link LearningFeatures#NAMES} feature, in that order
 * @param covariance       the effects' posterior covariance
 * @param outcomeQuantiles the account's outcomes at the 0th, 5th, ..., 100th percentile
 * @param slots            168 hour-of-week effects in {@code timeZone}, averaging zero
 * @param validation       null when too few posts could be held out
 */
public record AccountModel(
        int version,
        int posts,
        String checkpoint,
        Instant fittedAt,
        List<ModelUpdated.Effect> effects,
        double[][] covariance,
        double noiseVariance,
        List<Double> outcomeQuantiles,
        String timeZone,
        List<ModelUpdated.SlotEffect> slots,
        ModelUpdated.Validation validation) {

    public AccountModel {
        effects = List.copyOf(effects);
        outcomeQuantiles = List.copyOf(outcomeQuantiles);
        slots = List.copyOf(slots);
    }

    /** No learned model: the default weights and flat hours. */
    public static AccountModel defaults(String checkpoint) {
        return new AccountModel(
                0, 0, checkpoint, null, List.of(), new double[0][], 0, List.of(), null, List.of(), null);
    }

    public boolean learned() {
        return version > 0 && !effects.isEmpty();
    }

    /** The event that puts this version in force for the account, chosen as {@code source} says. */
    public ModelUpdated announced(Platform platform, String accountId, String source) {
        return new ModelUpdated(
                platform,
                accountId,
                version,
                source,
                posts,
                checkpoint,
                fittedAt,
                effects,
                covariance,
                noiseVariance,
                outcomeQuantiles,
                timeZone,
                slots,
                validation);
    }

    /** The effects the data are sure of (their interval leaves out zero), strongest first, without the level. */
    public List<ModelUpdated.Effect> found() {
        return effects.stream()
                .filter(effect -> !effect.feature().equals(LearningFeatures.LEVEL))
                .filter(effect -> effect.low() > 0 || effect.high() < 0)
                .sorted((a, b) -> Double.compare(Math.abs(b.mean()), Math.abs(a.mean())))
                .toList();
    }

    /**
     * The brief's time window hint from the learned hours: the three best hours of the week in the model's zone, with
     * the effect of the best and what it rests on.
     */
    public String timeWindowHint(String platform, String accountId) {
        List<Integer> best = bestSlots(3);
        List<String> hours = best.stream()
                .map(slot -> java.time.DayOfWeek.of(slot / 24 + 1)
                                .getDisplayName(java.time.format.TextStyle.SHORT, java.util.Locale.ENGLISH)
                        + String.format(java.util.Locale.ROOT, " %02d:00", slot % 24))
                .toList();
        ModelUpdated.SlotEffect top = slots.get(best.getFirst());
        return String.format(
                java.util.Locale.ROOT,
                "Learned from %d measured posts of %s account %s (model v%d): best hours %s (%s); the best is worth"
                        + " %+.2f ± %.2f in ln(views at %s ÷ the median) against the average hour.",
                posts,
                platform,
                accountId,
                version,
                String.join(", ", hours),
                timeZone,
                top.mean(),
                top.sd(),
                checkpoint);
    }

    /**
     * The {@code count} hours of the week (0 = Monday 00:00) with the highest learned effect, best first; none without
     * a learned model.
     */
    public List<Integer> bestSlots(int count) {
        return java.util.stream.IntStream.range(0, slots.size())
                .boxed()
                .sorted((a, b) ->
                        Double.compare(slots.get(b).mean(), slots.get(a).mean()))
                .limit(count)
                .toList();
    }
}
