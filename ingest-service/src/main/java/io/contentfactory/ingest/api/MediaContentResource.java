package io.contentfactory.ingest.api;

import io.contentfactory.ingest.domain.AssetUrls;
import io.contentfactory.ingest.service.MediaCatalog;
import io.contentfactory.kit.api.PathIds;
import io.contentfactory.kit.domain.DomainError;
import io.contentfactory.kit.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Serves media bytes under the signed, expiring asset URLs ({@link AssetUrls}): to the pipeline, and to platforms that
 * fetch media by URL. A URL that was altered, or has expired, is refused (403). Files on the filesystem store are sent
 * from disk; an S3 store's objects are a redirect to a short-lived presigned URL.
 */
@Path("/media")
public class MediaContentResource {

    private final MediaCatalog catalog;
    private final AssetUrls urls;

    MediaContentResource(MediaCatalog catalog, AssetUrls urls) {
        this.catalog = catalog;
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
        return catalog.locate(project, media, variant).map(MediaContentResource::serve);
    }

    private static Response serve(MediaCatalog.Located located) {
        if (located.redirect().isPresent()) {
            return Response.temporaryRedirect(located.redirect().get()).build();
        }
        return Response.ok(located.file().orElseThrow().toFile())
                .type(located.contentType())
                .header("Cache-Control", "private, max-age=3600")
                .header("ETag", located.etag())
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
