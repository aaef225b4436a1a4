package io.contentfactory.analysis.messaging;

import io.contentfactory.analysis.persistence.AnalysisProgress;
import io.contentfactory.contracts.CloudEvent;
import io.contentfactory.contracts.EventCodec;
import io.contentfactory.contracts.MalformedEventException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** Records {@code analysis_failed} for the item an event was about, when its analysis has failed for good. */
@ApplicationScoped
class FailedAnalyses {

    private final AnalysisProgress progress;

    FailedAnalyses(AnalysisProgress progress) {
        this.progress = progress;
    }

    /** Nothing to record for an event that does not parse or names no media item. */
    Uni<Void> record(String event, Throwable failure) {
        CloudEvent envelope;
        UUID mediaId;
        try {
            envelope = EventCodec.parse(event);
            mediaId = UUID.fromString(envelope.data().path("mediaId").asText());
        } catch (MalformedEventException | IllegalArgumentException unreadable) {
            return Uni.createFrom().voidItem();
        }
        return progress.failed(envelope.projectid(), mediaId, failure);
    }
}
