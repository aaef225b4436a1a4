package io.contentfactory.scheduler.persistence;

import io.contentfactory.scheduler.domain.Post;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class PostRepository implements PanacheRepositoryBase<Post, UUID> {

    public Uni<Post> findInProject(UUID projectId, UUID id) {
        return find("projectId = ?1 and id = ?2", projectId, id).firstResult();
    }
}
