package io.contentfactory.ingest.service;

import io.contentfactory.contracts.events.ProjectCreated;
import io.contentfactory.ingest.domain.ProjectFolder;
import io.contentfactory.ingest.domain.WatchedFolders;
import io.contentfactory.ingest.persistence.ProjectFolderRepository;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/** Each project's watched folder: named by its slug, learnt when the project is created, and made on disk. */
@ApplicationScoped
public class ProjectFolders {

    private final ProjectFolderRepository folders;
    private final WatchedFolders watchedFolders;

    ProjectFolders(ProjectFolderRepository folders, WatchedFolders watchedFolders) {
        this.folders = folders;
        this.watchedFolders = watchedFolders;
    }

    /** Records the new project's folder and creates it (or the one configured for its slug). Inside the consumer's transaction. */
    @WithSpan("ProjectFolders.adopt")
    public Uni<Void> adopt(ProjectCreated project) {
        ProjectFolder folder = new ProjectFolder();
        folder.projectId = project.projectId();
        folder.slug = project.slug();
        folder.name = project.name();
        folder.createdAt = Instant.now();
        return folders.persist(folder)
                .invoke(() -> watchedFolders.create(project.slug()))
                .replaceWithVoid();
    }
}
