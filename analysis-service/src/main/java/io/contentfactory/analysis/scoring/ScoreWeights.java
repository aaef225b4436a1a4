package io.contentfactory.analysis.scoring;

/**
 * How many of the 100 points each feature can earn. The defaults, documented here and in docs/analysis.md, favour what
 * short-form platforms reward: a strong opening, a shape and length that fit, clear pictures and a voice. Each project
 * may have its own (the coach learns them); they need not sum to 100, the score is capped at 100.
 */
public record ScoreWeights(
        double hook,
        double pacing,
        double lengthFit,
        double aspectFit,
        double visualQuality,
        double speech,
        double audioLevel,
        double text,
        double patternOverlap) {

    /**
     * {@code pattern_overlap} (how much the item resembles an imported top-performer pattern) weighs nothing until the
     * learning issue fits weights from outcomes: it is measured and explained, not yet scored.
     */
    public static final ScoreWeights DEFAULTS = new ScoreWeights(20, 10, 10, 15, 15, 15, 10, 5, 0);

    /** Each weight by the feature name the explanation uses ({@code hook}, {@code length}, {@code picture}...). */
    public java.util.Map<String, Double> byFeature() {
        java.util.Map<String, Double> weights = new java.util.LinkedHashMap<>();
        weights.put("hook", hook);
        weights.put("pacing", pacing);
        weights.put("length", lengthFit);
        weights.put("aspect", aspectFit);
        weights.put("picture", visualQuality);
        weights.put("speech", speech);
        weights.put("sound", audioLevel);
        weights.put("text", text);
        weights.put("pattern_overlap", patternOverlap);
        return weights;
    }

    /** Weights by feature name; a feature not named keeps its default. */
    public static ScoreWeights of(java.util.Map<String, ? extends Number> byFeature) {
        java.util.Map<String, Double> all = DEFAULTS.byFeature();
        byFeature.forEach((feature, weight) -> {
            if (!all.containsKey(feature)) {
                throw new IllegalArgumentException(
                        "no feature named " + feature + "; the features are " + all.keySet());
            }
            all.put(feature, weight.doubleValue());
        });
        return new ScoreWeights(
                all.get("hook"),
                all.get("pacing"),
                all.get("length"),
                all.get("aspect"),
                all.get("picture"),
                all.get("speech"),
                all.get("sound"),
                all.get("text"),
                all.get("pattern_overlap"));
    }
}
