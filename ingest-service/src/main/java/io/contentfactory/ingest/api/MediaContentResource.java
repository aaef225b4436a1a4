package io.contentfactory.ingest.api;

import io.contentfactory.ingest.domain.AssetUrls;
import io.contentfactory.ingest.domain.MediaAsset;
import io.contentfactory.ingest.persistence.MediaAssetReads;
import io.contentfactory.ingest.storage.ObjectStorage;
import io.contentfactory.kit.api.PathIds;
import io.contentfactory.kit.domain.DomainError;
import io.contentfactory.kit.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Serves media bytes under the signed, expiring asset URLs ({@link AssetUrls}): to the pipeline, and to platforms that
 * fetch media by URL. A URL that was altered, or has expired, is refused (403). Files on the filesystem store are sent
 * from disk; an S3 store's objects are a redirect to a short-lived presigned URL.
 */
@Path("/media")
public class MediaContentResource {

    private static final Duration REDIRECT_TTL = Duration.ofMinutes(15);

    private final MediaAssetReads assets;
    private final ObjectStorage storage;
    private final AssetUrls urls;

    MediaContentResource(MediaAssetReads assets, ObjectStorage storage, AssetUrls urls) {
        this.assets = assets;
        this.storage = storage;
        this.urls = urls;
    }

    @GET
    @Path("/{projectId}/{id}/{variant}")
    @Operation(hidden = true)
    public Uni<Response> content(
            @PathParam("projectId") String projectId,
            @PathParam("id") String id,
            @PathParam("variant") String variantName,
            @QueryParam("expires") String expires,
            @QueryParam("signature") String signature) {
        UUID project = PathIds.uuid(projectId);
        UUID media = PathIds.uuid(id);
        AssetUrls.Variant variant = variant(variantName);
        switch (urls.verify(project, media, variant, expires, signature)) {
            case INVALID ->
                throw new ProblemException(
                        403,
                        "invalid_signature",
                        "Forbidden",
                        "this asset URL is not one we signed, or it was altered");
            case EXPIRED ->
                throw new ProblemException(
                        403,
                        "url_expired",
                        "Forbidden",
                        "this asset URL has expired; ask the API for the item again to get a fresh one");
            case VALID -> {}
        }
        return assets.findInProject(project, media)
                .map(found -> serve(found.orElseThrow(() -> new DomainError.NotFound("media", media)), variant));
    }

    private Response serve(MediaAsset asset, AssetUrls.Variant variant) {
        String key = switch (variant) {
            case CONTENT -> asset.storagePath;
            case JPEG -> asset.jpegRenditionPath;
            case THUMBNAIL -> asset.thumbnailPath;
        };
        if (key == null) {
            throw new DomainError.NotFound(variant.path() + " of media", asset.id);
        }
        String contentType = variant == AssetUrls.Variant.CONTENT ? asset.contentType : "image/jpeg";
        Optional<java.net.URI> direct = storage.directUrl(key, contentType, REDIRECT_TTL);
        if (direct.isPresent()) {
            return Response.temporaryRedirect(direct.get()).build();
        }
        java.nio.file.Path file =
                storage.localFile(key).orElseThrow(() -> new DomainError.NotFound("content of media", asset.id));
        return Response.ok(file.toFile())
                .type(contentType)
                .header("Cache-Control", "private, max-age=3600")
                .header("ETag", "\"" + key.substring(key.indexOf('/') + 1) + "\"")
                .build();
    }

    private static AssetUrls.Variant variant(String name) {
        for (AssetUrls.Variant variant : AssetUrls.Variant.values()) {
            if (variant.path().equals(name)) {
                return variant;
            }
        }
        throw new DomainError.NotFound("asset variant", name);
    }
}
