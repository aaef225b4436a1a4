package io.contentfactory.analysis.scoring;

/**
 * How many of the 100 points each feature can earn. The defaults, documented here and in docs/analysis.md, favour what
 * short-form platforms reward: a strong opening, a shape and length that fit, clear pictures and a voice. Each project
 * may have its own (the coach learns them); they need not sum to 100, the score is capped at 100.
 */
public record ScoreWeights(double hook, double pacing, double lengthFit, double aspectFit, double visualQuality,
        double speech, double audioLevel) {

    public static final ScoreWeights DEFAULTS = new ScoreWeights(20, 10, 15, 15, 15, 15, 10);
}
