package io.contentfactory.ingest.persistence;

import io.contentfactory.ingest.domain.ProjectFolder;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class ProjectFolderRepository implements PanacheRepositoryBase<ProjectFolder, UUID> {

    public Uni<ProjectFolder> findBySlug(String slug) {
        return find("slug", slug).firstResult();
    }
}
