package io.contentfactory.scheduler.domain;

import java.time.Duration;

/**
 * The seed's spacing rule: spread the queue evenly over the horizon, but never closer than the minimum gap and
 * never further apart than the maximum gap: {@code clamp(horizon / count, min, max)} hours.
 */
public record SpacingRule(double horizonHours, double minGapHours, double maxGapHours) {

    public SpacingRule {
        if (minGapHours <= 0 || maxGapHours < minGapHours || horizonHours <= 0) {
            throw new IllegalArgumentException("need 0 < min gap <= max gap and a positive horizon");
        }
    }

    public static SpacingRule of(SchedulerConfig config) {
        return new SpacingRule(config.horizonHours(), config.minGapHours(), config.maxGapHours());
    }

    /** The gap in plan hours between consecutive posts of a queue holding {@code count} posts. */
    public double gapHours(int count) {
        if (count <= 0) {
            return maxGapHours;
        }
        return Math.min(maxGapHours, Math.max(minGapHours, horizonHours / count));
    }

    /** The gap as real time, given how long one plan hour lasts. */
    public Duration gap(int count, Duration planHour) {
        return Duration.ofNanos(Math.round(gapHours(count) * planHour.toNanos()));
    }
}
