package io.contentfactory.coach.domain;

/**
 * One fact of an insight's input snapshot that a statement can cite: a media feature, a score, a checkpoint's
 * metric, the account's baseline, a resembled top-performer pattern or the post's comments. {@code value} is a number, or a text for a feature that is words (topics, the
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
        PATTERN,
        /** How a post's comments read, or how many talk about one topic. */
        COMMENTS,
        /** What the account's learned model says: a feature's effect, or its best hour. */
        LEARNED
    }
}
