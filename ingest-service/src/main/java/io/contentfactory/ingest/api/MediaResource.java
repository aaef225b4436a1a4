package io.contentfactory.ingest.api;

import io.contentfactory.ingest.domain.MediaAsset;
import io.contentfactory.ingest.domain.MediaRegistry;
import io.contentfactory.ingest.persistence.MediaAssetReads;
import io.contentfactory.kit.api.PathIds;
import io.contentfactory.kit.problem.ProblemException;
import io.contentfactory.kit.tenancy.CallerProject;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
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

    /** The caller's media, newest first, a page at a time. */
    @GET
    @Operation(operationId = "listMedia", summary = "The key's project's media, newest first",
            description = "Pages of at most 'limit' items; pass a page's nextCursor as 'after' for the next one.")
    @APIResponse(responseCode = "200", description = "A page of media",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MediaPage.class)))
    @APIResponse(responseCode = "400", description = "A bad limit, status or cursor (codes invalid_limit, invalid_status,"
            + " invalid_cursor)", content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public Uni<MediaPage> list(
            @Parameter(description = "Items per page, 1 to 200", schema = @Schema(type = SchemaType.INTEGER, defaultValue = "50"))
            @QueryParam("limit") String limit,
            @Parameter(description = "Only media in this status") @QueryParam("status") String status,
            @Parameter(description = "The nextCursor of the previous page") @QueryParam("after") String after) {
        UUID projectId = caller.id();
        MediaPageRequest page = MediaPageRequest.of(limit, status, after);
        return assets.page(projectId, page.status(), page.after().map(MediaPageRequest.Cursor::createdAt),
                        page.after().map(MediaPageRequest.Cursor::id), page.limit() + 1)
                .map(found -> MediaPage.of(found, page.limit(), asset -> MediaView.of(asset, registry.contentUrl(asset.projectId, asset.id))));
    }

    public record MediaPage(List<MediaView> items, String nextCursor) {
        /** {@code found} holds one item more than the page when there is a next page. */
        static MediaPage of(List<MediaAsset> found, int limit, java.util.function.Function<MediaAsset, MediaView> view) {
            List<MediaAsset> items = found.size() > limit ? found.subList(0, limit) : found;
            String next = found.size() > limit
                    ? new MediaPageRequest.Cursor(items.getLast().createdAt, items.getLast().id).encode()
                    : null;
            return new MediaPage(items.stream().map(view).toList(), next);
        }
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
        UUID mediaId = PathIds.uuid(id);
        return assets.findInProject(projectId, mediaId)
                .map(found -> found.map(asset -> MediaView.of(asset, registry.contentUrl(asset.projectId, asset.id)))
                        .orElseThrow(() -> ProblemException.notFound("media", mediaId)));
    }


    public record MediaView(UUID id, String fileName, String status, String rejectReason, String mediaType,
            String contentType, long sizeBytes, String sha256, String sourceType, String contentUrl, Instant createdAt) {
        static MediaView of(MediaAsset asset, String contentUrl) {
            return new MediaView(asset.id, asset.fileName, asset.status, asset.rejectReason, asset.mediaType, asset.contentType,
                    asset.sizeBytes, asset.sha256, asset.sourceType, "ingested".equals(asset.status) ? contentUrl : null, asset.createdAt);
        }
    }
}
