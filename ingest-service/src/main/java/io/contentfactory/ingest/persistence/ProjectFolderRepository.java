package io.contentfactory.ingest.persistence;

import io.contentfactory.ingest.domain.ProjectFolder;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class ProjectFolderRepository implements PanacheRepositoryBase<ProjectFolder, UUID> {}
