package io.contentfactory.analysis.domain;

import io.contentfactory.analysis.scoring.ScoreWeights;
import java.util.List;

/**
 * A project's analysis settings: whether the configured providers (speech-to-text, LLM, vision) may be used for it
 * (the cost switch), how many frames one vision request may carry, hashtags to offer when a clip says nothing, and
 * what each feature of the pre-social score is worth.
 */
public record AnalysisSettings(
        boolean providersEnabled, int maxFramesPerRequest, List<String> defaultHashtags, ScoreWeights weights) {

    public static final AnalysisSettings DEFAULTS = new AnalysisSettings(true, 4, List.of(), ScoreWeights.DEFAULTS);
}
