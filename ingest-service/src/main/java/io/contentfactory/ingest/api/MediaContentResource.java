package io.contentfactory.ingest.api;

import io.contentfactory.ingest.domain.MediaAsset;
import io.contentfactory.ingest.persistence.MediaAssetRepository;
import io.contentfactory.ingest.storage.ObjectStorage;
import io.contentfactory.kit.problem.ProblemException;
import io.contentfactory.kit.tenancy.TenantScope;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.io.File;
import java.util.UUID;

/**
 * Serves stored media bytes to the pipeline and to platforms that fetch media by URL.
 * Signed, expiring URLs replace this open route in the ingest issue.
 */
@Path("/media")
public class MediaContentResource {

    private final MediaAssetRepository assets;
    private final ObjectStorage storage;
    private final TenantScope tenancy;

    MediaContentResource(MediaAssetRepository assets, ObjectStorage storage, TenantScope tenancy) {
        this.assets = assets;
        this.storage = storage;
        this.tenancy = tenancy;
    }

    @GET
    @Path("/{projectId}/{id}/content")
    @WithTransaction
    public Uni<Response> content(@PathParam("projectId") UUID projectId, @PathParam("id") UUID id) {
        return tenancy.bind(projectId).chain(() -> assets.findInProject(projectId, id)).map(asset -> {
            if (asset == null) {
                throw ProblemException.notFound("media", id);
            }
            return Response.ok(file(asset)).type(asset.contentType)
                    .header("Content-Length", asset.sizeBytes)
                    .build();
        });
    }

    private File file(MediaAsset asset) {
        return storage.localPath(asset.storagePath).toFile();
    }
}
