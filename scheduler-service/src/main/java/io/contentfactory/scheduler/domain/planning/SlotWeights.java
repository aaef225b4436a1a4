package io.contentfactory.scheduler.domain.planning;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;

/**
 * How good each hour of the week is for posting on one platform, in the project's local time: 168 weights, Monday
 * 00:00 first. It starts flat; the metrics issue learns it from how posts performed.
 */
public record SlotWeights(double[] weights) {

    public static final int HOURS_PER_WEEK = 7 * 24;

    public SlotWeights {
        if (weights.length != HOURS_PER_WEEK) {
            throw new IllegalArgumentException(
                    "a weight table has " + HOURS_PER_WEEK + " entries, one per hour of the week");
        }
        for (double weight : weights) {
            if (!(weight >= 0) || Double.isInfinite(weight)) {
                throw new IllegalArgumentException("weights are finite and not negative");
            }
        }
        weights = weights.clone();
    }

    public static SlotWeights flat() {
        double[] ones = new double[HOURS_PER_WEEK];
        Arrays.fill(ones, 1.0);
        return new SlotWeights(ones);
    }

    /** The weight of the week's best hour. */
    public double max() {
        return Arrays.stream(weights).max().orElse(0);
    }

    public double at(Instant slot, ZoneId zone) {
        ZonedDateTime local = slot.atZone(zone);
        return weights[(local.getDayOfWeek().getValue() - 1) * 24 + local.getHour()];
    }

    public double[] weights() {
        return weights.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SlotWeights that && Arrays.equals(weights, that.weights);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(weights);
    }

    @Override
    public String toString() {
        return "SlotWeights" + Arrays.toString(weights);
    }
}
