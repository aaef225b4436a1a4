package io.contentfactory.metrics.domain;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;

/** A checkpoint label such as {@code 15m}, {@code 4h} or {@code 7d}, and its offset from publishing. */
public record Checkpoint(String label, long minutes) {

    public static Checkpoint parse(String label) {
        String trimmed = label.trim();
        if (!trimmed.matches("\\d{1,6}[mhd]")) {
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

    /** The most checkpoints a project may set, and the latest one: 90 days. */
    public static final int MAX_CHECKPOINTS = 12;

    public static final long MAX_MINUTES = 90L * 24 * 60;

    /**
     * A project's checkpoint set: each label valid and at most 90 days, no two at the same offset, between one and
     * {@link #MAX_CHECKPOINTS}; answered in time order. A set that breaks a rule is refused with why.
     */
    public static List<Checkpoint> set(List<String> labels) {
        if (labels == null || labels.isEmpty() || labels.size() > MAX_CHECKPOINTS) {
            throw new IllegalArgumentException("a checkpoint set has 1 to " + MAX_CHECKPOINTS + " checkpoints");
        }
        List<Checkpoint> parsed = labels.stream()
                .map(Checkpoint::parse)
                .sorted(Comparator.comparingLong(Checkpoint::minutes))
                .toList();
        for (int i = 0; i < parsed.size(); i++) {
            if (parsed.get(i).minutes() < 1 || parsed.get(i).minutes() > MAX_MINUTES) {
                throw new IllegalArgumentException(
                        "checkpoint '" + parsed.get(i).label() + "' is not between 1m and 90d");
            }
            if (i > 0 && parsed.get(i).minutes() == parsed.get(i - 1).minutes()) {
                throw new IllegalArgumentException("checkpoints '"
                        + parsed.get(i - 1).label() + "' and '" + parsed.get(i).label() + "' fall at the same time");
            }
        }
        return parsed;
    }

    /** The offset as real time, given how long one minute lasts (compressed in the demo). */
    public Duration offset(Duration minute) {
        return minute.multipliedBy(minutes);
    }
}
