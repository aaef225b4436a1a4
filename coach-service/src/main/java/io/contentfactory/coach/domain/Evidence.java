package io.contentfactory.coach.domain;

/**
 * One fact of an insight's input snapshot that a statement can cite: a media feature, a score, a checkpoint's
 * metric or the account's baseline. {@code value} is a number, or a text for a feature that is words (topics, the
 * transcript).
 *
 * @param id    stable within the snapshot, e.g. {@code metric.instagram.24h.views} or {@code feature.hook}
 * @param label what the value is, in words
 */
public record Evidence(String id, Kind kind, String label, Object value) {

    public enum Kind {
        FEATURE,
        SCORE,
        METRIC,
        BASELINE,
        /** An imported top-performer pattern the media item resembles. */
        PATTERN
    }
}
