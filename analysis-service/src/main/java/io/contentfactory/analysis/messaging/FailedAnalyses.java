package io.contentfactory.analysis.messaging;

import io.contentfactory.analysis.service.AnalysisIntake;
import io.contentfactory.contracts.CloudEvent;
import io.contentfactory.contracts.EventCodec;
import io.contentfactory.contracts.MalformedEventException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** Decodes which item a failed event was about, and has its analysis recorded as failed for good. */
@ApplicationScoped
class FailedAnalyses {

    private final AnalysisIntake intake;

    FailedAnalyses(AnalysisIntake intake) {
        this.intake = intake;
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
        return intake.failedForGood(envelope.projectid(), mediaId, failure);
    }
}
