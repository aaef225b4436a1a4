package io.contentfactory.analysis.domain;

import java.util.List;

/**
 * A project's analysis settings: whether the configured providers (speech-to-text, LLM, vision) may be used for it
 * (the cost switch), how many frames one vision request may carry, and hashtags to offer when a clip says nothing.
 */
public record AnalysisSettings(boolean providersEnabled, int maxFramesPerRequest, List<String> defaultHashtags) {

    public static final AnalysisSettings DEFAULTS = new AnalysisSettings(true, 4, List.of());
}
