package io.contentfactory.ingest.api;

import io.contentfactory.auth.ServiceCallTokens;
import io.contentfactory.contracts.events.MediaIngested;
import io.contentfactory.ingest.domain.IngestedEvents;
import io.contentfactory.ingest.domain.MediaStatus;
import io.contentfactory.ingest.service.MediaCatalog;
import io.contentfactory.kit.api.PathIds;
import io.contentfactory.kit.domain.DomainError;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * An ingested item as {@code media.ingested} told it, with fresh URLs, for analysis-service to analyse again an item
 * whose event it did not keep (one analysed before it kept them). Internal: the gateway does not route it.
 */
@Path("/internal/v1/media/{projectId}/{mediaId}/ingested")
public class InternalIngestedResource {

    private static final Set<MediaStatus> INGESTED = Set.of(MediaStatus.INGESTED, MediaStatus.ANALYZED);

    private final InternalCallers callers;
    private final MediaCatalog reads;
    private final IngestedEvents events;

    InternalIngestedResource(InternalCallers callers, MediaCatalog reads, IngestedEvents events) {
        this.callers = callers;
        this.reads = reads;
        this.events = events;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public Uni<MediaIngested> ingested(
            @HeaderParam(ServiceCallTokens.HEADER) String authorization,
            @PathParam("projectId") String project,
            @PathParam("mediaId") String media) {
        callers.require(authorization, "analysis-service");
        UUID projectId = PathIds.uuid(project);
        UUID mediaId = PathIds.uuid(media);
        return reads.find(projectId, mediaId)
                .map(found -> found.filter(asset -> INGESTED.contains(asset.status))
                        .map(events::of)
                        .orElseThrow(() -> new DomainError.NotFound("media", mediaId)));
    }
}
