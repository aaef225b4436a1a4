package io.contentfactory.analysis.domain;

import io.contentfactory.contracts.events.MediaAnalysisProgressed;
import io.contentfactory.kit.domain.WireEnum;
import java.util.UUID;

/**
 * Where an item's analysis stands, as {@code media.analysis-progressed} reports it and {@code analysis_progress}
 * keeps it (its {@code analysis_progress_status_check} lists the same values). Progress is a report of the newest
 * step, not a life cycle: any status may follow any other, since an analysis asked for again, or an item ingested
 * again, starts over from wherever the last one ended.
 */
public enum AnalysisStatus implements WireEnum {
    /** Asked for; no instance has started it yet. */
    QUEUED,
    ANALYZING,
    /** A transient failure; the event is being retried. */
    RETRYING,
    ANALYZED,
    /** Failed for good, with the reason. */
    ANALYSIS_FAILED;

    /** An analysis on its way: asking for another adds nothing. */
    public boolean inFlight() {
        return this == QUEUED || this == ANALYZING || this == RETRYING;
    }

    /** The report of an item having reached {@code stage} with this status. */
    public MediaAnalysisProgressed report(UUID mediaId, AnalysisStage stage, int percent, String reason) {
        return new MediaAnalysisProgressed(mediaId, wire(), stage.wire(), percent, reason);
    }

    public static AnalysisStatus ofWire(String value) {
        return WireEnum.ofWire(AnalysisStatus.class, value);
    }
}
