package io.contentfactory.analysis.domain;

import io.contentfactory.kit.domain.WireEnum;

/**
 * The step an item's analysis is at, in order; {@code analysis_progress_stage_check} lists the same values. Each
 * stage reports its percent of the whole when it starts.
 */
public enum AnalysisStage implements WireEnum {
    QUEUED,
    FETCHING,
    FRAMES,
    SOUND,
    VISION,
    WORDS,
    DONE
}
