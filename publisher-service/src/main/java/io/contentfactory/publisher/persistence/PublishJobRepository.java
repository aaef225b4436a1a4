package io.contentfactory.publisher.persistence;

import io.contentfactory.publisher.domain.PublishJob;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class PublishJobRepository implements PanacheRepositoryBase<PublishJob, UUID> {

    /** The latest attempt for a target: {@code created_at DESC, id DESC}. */
    public Uni<PublishJob> latestForTarget(UUID projectId, UUID targetId) {
        return find("projectId = ?1 and targetId = ?2 order by createdAt desc, id desc", projectId, targetId).firstResult();
    }

    public Uni<PublishJob> findInProject(UUID projectId, UUID id) {
        return find("projectId = ?1 and id = ?2", projectId, id).firstResult();
    }
}
