package io.contentfactory.metrics.domain;

import java.time.Duration;

/** A checkpoint label such as {@code 15m}, {@code 4h} or {@code 7d}, and its offset from publishing. */
public record Checkpoint(String label, long minutes) {

    public static Checkpoint parse(String label) {
        String trimmed = label.trim();
        if (!trimmed.matches("\\d+[mhd]")) {
            throw new IllegalArgumentException("a checkpoint looks like 15m, 4h or 7d, not '" + label + "'");
        }
        long amount = Long.parseLong(trimmed.substring(0, trimmed.length() - 1));
        long minutes = switch (trimmed.charAt(trimmed.length() - 1)) {
            case 'm' -> amount;
            case 'h' -> amount * 60;
            default -> amount * 60 * 24;
        };
        return new Checkpoint(trimmed, minutes);
    }

    /** The offset as real time, given how long one minute lasts (compressed in the demo). */
    public Duration offset(Duration minute) {
        return minute.multipliedBy(minutes);
    }
}
