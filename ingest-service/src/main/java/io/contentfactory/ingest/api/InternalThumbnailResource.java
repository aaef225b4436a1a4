package io.contentfactory.ingest.api;

import io.contentfactory.auth.ServiceCallTokens;
import io.contentfactory.ingest.domain.AssetUrls;
import io.contentfactory.ingest.domain.SniffedType;
import io.contentfactory.ingest.persistence.MediaAssetWrites;
import io.contentfactory.ingest.storage.ObjectStorage;
import io.contentfactory.ingest.storage.StagedFile;
import io.contentfactory.ingest.storage.StagingArea;
import io.contentfactory.ingest.storage.TooLargeException;
import io.contentfactory.kit.api.PathIds;
import io.contentfactory.kit.domain.DomainError;
import io.contentfactory.kit.problem.ProblemException;
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

    private static final long MAX_BYTES = 4L * 1024 * 1024;

    private final InternalCallers callers;
    private final StagingArea staging;
    private final ObjectStorage storage;
    private final MediaAssetWrites writes;
    private final AssetUrls urls;

    InternalThumbnailResource(
            InternalCallers callers,
            StagingArea staging,
            ObjectStorage storage,
            MediaAssetWrites writes,
            AssetUrls urls) {
        this.callers = callers;
        this.staging = staging;
        this.storage = storage;
        this.writes = writes;
        this.urls = urls;
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
        StagedFile staged;
        try {
            staged = staging.receive(body, MAX_BYTES, bytes -> {});
        } catch (TooLargeException e) {
            throw new ProblemException(
                    413, "too_large", "Payload too large", "a thumbnail is at most " + MAX_BYTES + " bytes");
        }
        if (SniffedType.of(staged.head()).orElse(null) != SniffedType.JPEG) {
            staged.discard();
            throw new DomainError.Invalid("not_jpeg", "a thumbnail is a JPEG");
        }
        String key = storage.store(projectId, staged);
        if (!writes.thumbnail(projectId, mediaId, key).await().indefinitely()) {
            throw new DomainError.NotFound("media", mediaId);
        }
        return new Stored(urls.url(projectId, mediaId, AssetUrls.Variant.THUMBNAIL));
    }
}
