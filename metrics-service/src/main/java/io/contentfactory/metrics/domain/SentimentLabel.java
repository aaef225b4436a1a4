package io.contentfactory.metrics.domain;

import io.contentfactory.kit.domain.WireEnum;

/**
 * The seed's five-point sentiment scale of a comment, cut from a score in [-1, 1]. The cuts at ±0.05 are VADER's own
 * neutral band; ±0.5 splits the strong from the mild, as a person rating "love it!!" against "nice" would.
 */
public enum SentimentLabel implements WireEnum {
    VERY_NEGATIVE,
    NEGATIVE,
    NEUTRAL,
    POSITIVE,
    VERY_POSITIVE;

    static final double NEUTRAL_BAND = 0.05;
    static final double STRONG = 0.5;

    public static SentimentLabel of(double score) {
        if (score <= -STRONG) {
            return VERY_NEGATIVE;
        }
        if (score < -NEUTRAL_BAND) {
            return NEGATIVE;
        }
        if (score <= NEUTRAL_BAND) {
            return NEUTRAL;
        }
        return score < STRONG ? POSITIVE : VERY_POSITIVE;
    }
}
