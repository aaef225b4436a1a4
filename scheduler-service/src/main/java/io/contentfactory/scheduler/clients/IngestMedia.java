package io.contentfactory.scheduler.clients;

import io.contentfactory.ingestclient.IngestClient;
import io.contentfactory.ingestclient.MediaState;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.UUID;

/**
 * What ingest-service's answer about an item means for a post that names it: a post may name an item that was
 * uploaded a moment ago and whose analysis has not reached this service yet.
 */
@ApplicationScoped
public class IngestMedia {

    /** What ingest-service knows of an item. */
    public sealed interface Known {
        /** Not an item of the project (or ingest-service is not configured): a post may not name it. */
        record Unknown() implements Known {}

        /** Received, and on its way through analysis: a post naming it waits for it. */
        record Coming(String status) implements Known {}

        /** Rejected, failed, a duplicate, or its analysis failed for good: a post cannot be made of it. */
        record Unusable(String reason) implements Known {}
    }

    private static final Set<String> UNUSABLE = Set.of("rejected", "failed", "duplicate", "archived");

    private final IngestClient ingest;

    IngestMedia(IngestClient ingest) {
        this.ingest = ingest;
    }

    /** Where the item stands; a failure to ask fails the Uni (the caller answers 503 rather than a wrong 422). */
    public Uni<Known> state(UUID projectId, UUID mediaId) {
        return ingest.state(projectId, mediaId)
                .map(state -> state.map(IngestMedia::known).orElseGet(Known.Unknown::new));
    }

    private static Known known(MediaState state) {
        if (UNUSABLE.contains(state.status())) {
            return new Known.Unusable(
                    "media " + state.status() + (state.reason() == null ? "" : ": " + state.reason()));
        }
        if ("analysis_failed".equals(state.analysisStatus())) {
            return new Known.Unusable(
                    "analysis failed" + (state.analysisReason() == null ? "" : ": " + state.analysisReason()));
        }
        return new Known.Coming(state.status());
    }
}
