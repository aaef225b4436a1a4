package io.contentfactory.ingest.api;

import io.contentfactory.auth.ServiceCallTokens;
import io.contentfactory.ingest.service.MediaCatalog;
import io.contentfactory.ingestclient.MediaState;
import io.contentfactory.kit.api.PathIds;
import io.contentfactory.kit.domain.DomainError;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Where an item of the project stands, for scheduler-service to accept a post that names it before its analysis has
 * arrived there (and to refuse one naming an item that was rejected). Internal: the gateway does not route it.
 */
@Path("/internal/v1/media/{projectId}/{mediaId}/state")
public class InternalMediaStateResource {

    private final InternalCallers callers;
    private final MediaCatalog reads;

    InternalMediaStateResource(InternalCallers callers, MediaCatalog reads) {
        this.callers = callers;
        this.reads = reads;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public Uni<MediaState> state(
            @HeaderParam(ServiceCallTokens.HEADER) String authorization,
            @PathParam("projectId") String project,
            @PathParam("mediaId") String media) {
        callers.require(authorization, "scheduler-service");
        UUID projectId = PathIds.uuid(project);
        UUID mediaId = PathIds.uuid(media);
        return reads.find(projectId, mediaId)
                .map(found -> found.map(asset -> new MediaState(
                                asset.id,
                                asset.status.wire(),
                                asset.duplicateOf != null ? "duplicate of " + asset.duplicateOf : asset.rejectReason,
                                asset.analysisStatus,
                                asset.analysisReason))
                        .orElseThrow(() -> new DomainError.NotFound("media", mediaId)));
    }
}
