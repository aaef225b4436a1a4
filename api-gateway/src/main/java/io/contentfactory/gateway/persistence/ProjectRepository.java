package io.contentfactory.gateway.persistence;

import io.contentfactory.gateway.domain.Project;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class ProjectRepository implements PanacheRepositoryBase<Project, UUID> {
    public Uni<Boolean> slugTaken(String slug) {
        return count("slug", slug).map(count -> count > 0);
    }
}
