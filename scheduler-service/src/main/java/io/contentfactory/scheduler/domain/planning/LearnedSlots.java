package io.contentfactory.scheduler.domain.planning;

import java.time.Instant;
import java.util.Random;
import java.util.SplittableRandom;

/**
 * An account's learned hour-of-week effects (from the coach's {@code model.updated}), and how the planner explores
 * them: each slot decision is, with probability {@code exploreShare}, made on a Thompson draw (each hour's weight is
 * exp of a draw from its effect's posterior N(mean, sd²)), else on the effects' means. Uncertain hours thus keep being
 * tried, in proportion to the chance they are the best, instead of the account freezing on an early guess.
 *
 * <p>Every draw is seeded by the model version and the decision's previous slot, so the same queue planned twice
 * draws the same, and replanning changes nothing.
 *
 * @param mean 168 effects on ln(views ÷ median), Monday 00:00 local first
 * @param sd   their standard deviations
 */
public record LearnedSlots(int version, double[] mean, double[] sd, double exploreShare) {

    /** Why a slot was chosen. */
    public enum Choice {
        /** The best hour on what the model knows. */
        EXPLOIT,
        /** A Thompson draw moved the post off the best-known hour, to learn about another. */
        EXPLORE;

        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The weights one slot decision ranks hours by, and whether they are a draw. */
    public record Ranking(SlotWeights weights, boolean drawn) {}

    public LearnedSlots {
        if (mean.length != SlotWeights.HOURS_PER_WEEK || sd.length != SlotWeights.HOURS_PER_WEEK) {
            throw new IllegalArgumentException("learned slots have 168 effects and 168 deviations");
        }
        if (!(exploreShare >= 0 && exploreShare <= 1)) {
            throw new IllegalArgumentException("the explore share is between 0 and 1, not " + exploreShare);
        }
        mean = mean.clone();
        sd = sd.clone();
    }

    /** The weights on what the model knows: exp of each hour's mean effect. */
    public SlotWeights exploit() {
        double[] weights = new double[SlotWeights.HOURS_PER_WEEK];
        for (int slot = 0; slot < weights.length; slot++) {
            weights[slot] = Math.exp(mean[slot]);
        }
        return new SlotWeights(weights);
    }

    /** The ranking of the decision that follows {@code previous}: a Thompson draw, or the means. */
    public Ranking ranking(Instant previous) {
        SplittableRandom random = new SplittableRandom(version * 1_000_003L ^ previous.getEpochSecond());
        if (random.nextDouble() >= exploreShare) {
            return new Ranking(exploit(), false);
        }
        Random normal = new Random(random.nextLong());
        double[] weights = new double[SlotWeights.HOURS_PER_WEEK];
        for (int slot = 0; slot < weights.length; slot++) {
            weights[slot] = Math.exp(mean[slot] + sd[slot] * normal.nextGaussian());
        }
        return new Ranking(new SlotWeights(weights), true);
    }
}
