package io.contentfactory.ingest.persistence;

import io.contentfactory.ingest.domain.MediaAsset;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class MediaAssetRepository implements PanacheRepositoryBase<MediaAsset, UUID> {

    public Uni<MediaAsset> findInProject(UUID projectId, UUID id) {
        return find("projectId = ?1 and id = ?2", projectId, id).firstResult();
    }
}
