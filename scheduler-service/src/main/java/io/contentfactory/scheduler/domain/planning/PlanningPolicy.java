package io.contentfactory.scheduler.domain.planning;

import java.time.Duration;
import java.time.ZoneId;

/**
 * The rules one queue (a project's account on a platform) is planned by.
 *
 * @param horizon    how far ahead the queue is kept planned (the seed's 60 days)
 * @param minGap     no two posts of the queue closer than this
 * @param maxGap     consecutive posts no further apart than this while media remains, where windows and cap allow
 * @param dailyCap   posts per local day on the platform, across the project's accounts; 0 for no cap
 * @param resolution slots fall on multiples of this (a minute in production)
 * @param learned    the account's learned hours, which then give the weights and explore; null for none
 */
public record PlanningPolicy(
        ZoneId zone,
        PostingWindows windows,
        Duration horizon,
        Duration minGap,
        Duration maxGap,
        int dailyCap,
        SlotWeights weights,
        Duration resolution,
        LearnedSlots learned) {

    /** A policy with fixed weights and nothing learned. */
    public PlanningPolicy(
            ZoneId zone,
            PostingWindows windows,
            Duration horizon,
            Duration minGap,
            Duration maxGap,
            int dailyCap,
            SlotWeights weights,
            Duration resolution) {
        this(zone, windows, horizon, minGap, maxGap, dailyCap, weights, resolution, null);
    }

    /** This policy planning with the account's learned hours: their means pair posts with slots. */
    public PlanningPolicy withLearned(LearnedSlots slots) {
        return new PlanningPolicy(zone, windows, horizon, minGap, maxGap, dailyCap, slots.exploit(), resolution, slots);
    }

    /** The weights the decision after {@code previous} ranks hours by. */
    LearnedSlots.Ranking ranking(java.time.Instant previous) {
        return learned == null ? new LearnedSlots.Ranking(weights, false) : learned.ranking(previous);
    }

    public PlanningPolicy {
        if (minGap.isNegative()
                || minGap.isZero()
                || maxGap.compareTo(minGap) < 0
                || horizon.isNegative()
                || horizon.isZero()) {
            throw new IllegalArgumentException("need 0 < min gap <= max gap and a positive horizon");
        }
        if (dailyCap < 0 || resolution.isNegative() || resolution.isZero()) {
            throw new IllegalArgumentException("the daily cap is 0 (none) or more, and the resolution positive");
        }
    }

    /** The seed's spacing rule: {@code clamp(horizon / count, min gap, max gap)}. */
    public Duration gap(long count) {
        if (count <= 0) {
            return maxGap;
        }
        Duration even = horizon.dividedBy(count);
        return even.compareTo(minGap) < 0 ? minGap : even.compareTo(maxGap) > 0 ? maxGap : even;
    }

    public boolean capped() {
        return dailyCap > 0;
    }
}
