package io.contentfactory.contracts.events;

import java.util.List;

/**
 * The features an account's model is learned on, read the same way by the learner (coach-service) and by the scorer
 * (analysis-service): each pre-social score contribution as the share of its weight it earned (0–1), the share of
 * frames with a face, the closest pattern's similarity, whether the item is a video, and a constant for the account's
 * level.
 */
public final class LearningFeatures {

    /** The constant feature: the account's usual outcome, whatever the content. */
    public static final String LEVEL = "level";

    private static final List<String> CONTRIBUTIONS =
            List.of("hook", "pacing", "length", "aspect", "picture", "speech", "sound", "text");

    /** The features, in the order of every vector and every model's effects. */
    public static final List<String> NAMES = List.of(
            LEVEL,
            "hook",
            "pacing",
            "length",
            "aspect",
            "picture",
            "speech",
            "sound",
            "text",
            "faces",
            "pattern_overlap",
            "video");

    private LearningFeatures() {}

    /** The vector of an analysed item; a feature the analysis did not measure is 0. */
    public static double[] of(MediaType mediaType, AnalysisFeatures features) {
        double[] x = new double[NAMES.size()];
        x[0] = 1;
        if (features != null) {
            for (AnalysisFeatures.ScoreContribution part : features.contributions()) {
                int at = CONTRIBUTIONS.indexOf(part.feature());
                if (at >= 0 && part.maxPoints() > 0) {
                    x[at + 1] = Math.max(0, Math.min(1, part.points() / part.maxPoints()));
                }
            }
            if (features.framesSampled() != null
                    && features.framesSampled() > 0
                    && features.framesWithFaces() != null) {
                x[9] = (double) features.framesWithFaces() / features.framesSampled();
            }
            x[10] = features.patternOverlap().stream()
                    .mapToDouble(AnalysisFeatures.PatternMatch::similarity)
                    .max()
                    .orElse(0);
        }
        x[11] = mediaType == MediaType.VIDEO ? 1 : 0;
        return x;
    }
}
