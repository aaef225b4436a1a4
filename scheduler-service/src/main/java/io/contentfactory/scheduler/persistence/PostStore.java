package io.contentfactory.scheduler.persistence;

import io.contentfactory.scheduler.domain.Post;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class PostStore implements PanacheRepositoryBase<Post, UUID> {

    public Uni<Post> findByClientRef(UUID projectId, String clientRef) {
        return find("projectId = ?1 and clientRef = ?2", projectId, clientRef).firstResult();
    }

    public Uni<java.util.List<Post>> findAll(UUID projectId, java.util.Collection<UUID> ids) {
        return list("projectId = ?1 and id in ?2", projectId, ids);
    }

    public Uni<Post> findInProject(UUID projectId, UUID id) {
        return find("projectId = ?1 and id = ?2", projectId, id).firstResult();
    }
}
