package io.contentfactory.ingest.api;

import io.contentfactory.ingest.domain.AssetUrls;
import io.contentfactory.ingest.domain.MediaAsset;
import io.contentfactory.ingest.service.MediaCatalog;
import io.contentfactory.kit.api.Keyset;
import io.contentfactory.kit.api.PathIds;
import io.contentfactory.kit.domain.DomainError;
import io.contentfactory.kit.tenancy.CallerProject;
import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** Public media reads, reached through the gateway as {@code /v1/media}; uploads and imports are {@link MediaIntakeResource}. */
@Path("/v1")
@Authenticated
public class MediaResource {

    private final MediaCatalog assets;
    private final AssetUrls urls;
    private final CallerProject caller;
    private final MediaUploads uploads;

    MediaResource(MediaCatalog assets, AssetUrls urls, CallerProject caller, MediaUploads uploads) {
        this.assets = assets;
        this.urls = urls;
        this.uploads = uploads;
        this.caller = caller;
    }

    /** The caller's media, newest first, a page at a time. */
    @GET
    @Path("/media")
    @Operation(
            operationId = "listMedia",
            summary = "The key's project's media, newest first",
            description = "Pages of at most 'limit' items; pass a page's nextCursor as 'after' for the next one.")
    @APIResponse(
            responseCode = "200",
            description = "A page of media",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = MediaPage.class)))
    @APIResponse(
            responseCode = "400",
            description = "A bad limit, status or cursor (codes invalid_limit, invalid_status," + " invalid_cursor)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public Uni<MediaPage> list(
            @Parameter(
                            description = "Items per page, 1 to 200",
                            schema = @Schema(type = SchemaType.INTEGER, defaultValue = "50"))
                    @QueryParam("limit")
                    String limit,
            @Parameter(description = "Only media in this status") @QueryParam("status") String status,
            @Parameter(description = "The nextCursor of the previous page") @QueryParam("after") String after) {
        UUID projectId = caller.id();
        MediaPageRequest page = MediaPageRequest.of(limit, status, after);
        return assets.page(
                        projectId,
                        page.status(),
                        page.after().map(Keyset.Cursor::at),
                        page.after().map(Keyset.Cursor::id),
                        page.limit() + 1)
                .map(found -> MediaPage.of(found, page.limit(), asset -> MediaView.of(asset, urls)));
    }

    public record MediaPage(List<MediaView> items, String nextCursor) {
        /** {@code found} holds one item more than the page when there is a next page. */
        static MediaPage of(
                List<MediaAsset> found, int limit, java.util.function.Function<MediaAsset, MediaView> view) {
            Keyset.Page<MediaView> page = Keyset.page(found, limit, asset -> asset.createdAt, asset -> asset.id, view);
            return new MediaPage(page.items(), page.nextCursor());
        }
    }

    /** One media item of the caller's project; another project's id is simply not found. */
    @GET
    @Path("/media/{id}")
    @Operation(
            operationId = "getMedia",
            summary = "One media item of the key's project",
            description =
                    "Status, bytes received so far while it arrives, what FFmpeg found, and signed URLs of its bytes.")
    @APIResponse(
            responseCode = "200",
            description = "The media item",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = MediaView.class)))
    @APIResponse(
            responseCode = "400",
            description = "The id is not a UUID (code invalid_id)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "404",
            description = "No such media in the key's project (code not_found)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public Uni<MediaView> get(
            @Parameter(description = "The media id", schema = @Schema(format = "uuid")) @PathParam("id") String id) {
        UUID projectId = caller.id();
        UUID mediaId = PathIds.uuid(id);
        return assets.find(projectId, mediaId)
                .map(found -> found.map(asset -> MediaView.of(asset, urls))
                        .orElseThrow(() -> new DomainError.NotFound("media", mediaId)));
    }

    /**
     * Uploads one file as the raw body (any media content type, or application/octet-stream), streamed to storage:
     * memory does not grow with its size. The name comes from {@code ?fileName=} or a Content-Disposition header.
     */
    @POST
    @Path("/media")
    @Consumes({"application/octet-stream", "video/*", "image/*"})
    @Blocking
    @Operation(
            operationId = "uploadMedia",
            summary = "Upload a media file as the raw request body",
            description =
                    "Streamed to storage, probed with FFmpeg, then ingested. While it arrives, the item is listed as"
                            + " 'receiving' with its byte count. The same bytes again in this project answer 200 with a 'duplicate' item.")
    @APIResponse(
            responseCode = "201",
            description = "Ingested",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = MediaView.class)))
    @APIResponse(
            responseCode = "200",
            description = "The same bytes are already in this project (status duplicate, duplicateOf)",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = MediaView.class)))
    @APIResponse(
            responseCode = "413",
            description = "Over the size limit (code too_large)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "422",
            description =
                    "Not media this pipeline takes (codes empty_file, unsupported_type,"
                            + " corrupt_media, too_long, resolution_too_high); the file is kept as a rejected item, named in errors.mediaId",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public Response upload(
            InputStream body,
            @Parameter(description = "The file's name") @QueryParam("fileName") String fileName,
            @Parameter(description = "Where it fits best: tiktok, yt_shorts, instagram, multi")
                    @QueryParam("platformHint")
                    String platformHint,
            @Parameter(
                            description = "The coach's derivative plan the file was made from; its ingestion completes"
                                    + " the plan")
                    @QueryParam("derivedFromPlanId")
                    String derivedFromPlanId,
            @HeaderParam(HttpHeaders.CONTENT_DISPOSITION) String disposition,
            @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long length) {
        return uploads.receive(
                caller.id(),
                body,
                UploadNames.of(fileName, disposition),
                platformHint,
                PathIds.uuidOrNull(derivedFromPlanId),
                length);
    }

    /** Uploads one file as the part {@code file} of a multipart form; its name is the part's file name. */
    @POST
    @Path("/media")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Blocking
    @Operation(operationId = "uploadMediaForm", summary = "Upload a media file as a multipart form (part 'file')")
    @APIResponse(
            responseCode = "201",
            description = "Ingested",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = MediaView.class)))
    @APIResponse(
            responseCode = "400",
            description = "No part named 'file' (code missing_file)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public Response uploadForm(
            @RestForm("file") FileUpload file,
            @RestForm("platformHint") String platformHint,
            @RestForm("derivedFromPlanId") String derivedFromPlanId) {
        if (file == null) {
            throw new DomainError.Invalid("missing_file", "send the file as the multipart part named 'file'");
        }
        return uploads.receiveForm(caller.id(), file, platformHint, PathIds.uuidOrNull(derivedFromPlanId));
    }
}
