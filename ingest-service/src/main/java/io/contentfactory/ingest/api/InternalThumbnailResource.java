package io.contentfactory.ingest.api;

import io.contentfactory.auth.ServiceCallTokens;
import io.contentfactory.ingest.service.Thumbnails;
import io.contentfactory.kit.api.PathIds;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Stores the thumbnail analysis-service chose for a media item (its best frame as JPEG) in this service's storage,
 * like any other object, and answers its signed URL. Internal: the gateway does not route it; only analysis-service,
 * with its pair key, may call it.
 */
@Path("/internal/v1/media/{projectId}/{mediaId}/thumbnail")
public class InternalThumbnailResource {

    private final InternalCallers callers;
    private final Thumbnails thumbnails;

    InternalThumbnailResource(InternalCallers callers, Thumbnails thumbnails) {
        this.callers = callers;
        this.thumbnails = thumbnails;
    }

    public record Stored(String url) {}

    @PUT
    @Consumes("image/jpeg")
    @Produces(MediaType.APPLICATION_JSON)
    @Blocking
    @Operation(hidden = true)
    public Stored store(
            @HeaderParam(ServiceCallTokens.HEADER) String authorization,
            @PathParam("projectId") String project,
            @PathParam("mediaId") String media,
            InputStream body)
            throws IOException {
        callers.require(authorization, "analysis-service");
        UUID projectId = PathIds.uuid(project);
        UUID mediaId = PathIds.uuid(media);
        return new Stored(thumbnails.store(projectId, mediaId, body));
    }
}
