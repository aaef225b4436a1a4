package io.contentfactory.ingest.api;

import io.contentfactory.ingest.domain.MediaAsset;
import io.contentfactory.ingest.domain.MediaRegistry;
import io.contentfactory.ingest.persistence.MediaAssetReads;
import io.contentfactory.kit.problem.ProblemException;
import io.contentfactory.kit.tenancy.CallerProject;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Public media routes, reached through the gateway as {@code /v1/media}. Uploads and imports come with the ingest issue. */
@Path("/v1/media")
@Authenticated
public class MediaResource {

    private final MediaAssetReads assets;
    private final MediaRegistry registry;
    private final CallerProject caller;

    MediaResource(MediaAssetReads assets, MediaRegistry registry, CallerProject caller) {
        this.assets = assets;
        this.registry = registry;
        this.caller = caller;
    }

    /** One media item of the caller's project; another project's id is simply not found. */
    @GET
    @Path("/{id}")
    @Operation(operationId = "getMedia", summary = "One media item of the key's project",
            description = "Status, type, size, checksum and, once ingested, the URL its bytes are served from.")
    @APIResponse(responseCode = "200", description = "The media item",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MediaView.class)))
    @APIResponse(responseCode = "400", description = "The id is not a UUID (code invalid_id)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "404", description = "No such media in the key's project (code not_found)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public Uni<MediaView> get(@Parameter(description = "The media id", schema = @Schema(format = "uuid"))
            @PathParam("id") String id) {
        UUID projectId = caller.id();
        UUID mediaId = parseId(id);
        return assets.findInProject(projectId, mediaId)
                .map(found -> found.map(asset -> MediaView.of(asset, registry.contentUrl(asset.projectId, asset.id)))
                        .orElseThrow(() -> ProblemException.notFound("media", mediaId)));
    }

    private static UUID parseId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("invalid_id", "'" + id + "' is not a UUID");
        }
    }

    public record MediaView(UUID id, String fileName, String status, String rejectReason, String mediaType,
            String contentType, long sizeBytes, String sha256, String sourceType, String contentUrl, Instant createdAt) {
        static MediaView of(MediaAsset asset, String contentUrl) {
            return new MediaView(asset.id, asset.fileName, asset.status, asset.rejectReason, asset.mediaType, asset.contentType,
                    asset.sizeBytes, asset.sha256, asset.sourceType, "ingested".equals(asset.status) ? contentUrl : null, asset.createdAt);
        }
    }
}
