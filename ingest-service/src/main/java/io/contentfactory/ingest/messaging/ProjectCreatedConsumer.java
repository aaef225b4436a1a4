package io.contentfactory.ingest.messaging;

import io.contentfactory.contracts.Channels;
import io.contentfactory.contracts.events.ProjectCreated;
import io.contentfactory.ingest.domain.ProjectFolder;
import io.contentfactory.ingest.persistence.ProjectFolderRepository;
import io.contentfactory.ingest.watch.WatchedFolders;
import io.contentfactory.kit.ServiceConfig;
import io.contentfactory.kit.messaging.EventConsumer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Learns each new project's slug, which names its watched folder, and creates that folder (or the one configured for it). */
@ApplicationScoped
public class ProjectCreatedConsumer {

    private final EventConsumer consumer;
    private final ProjectFolderRepository folders;
    private final ServiceConfig service;
    private final WatchedFolders watchedFolders;

    ProjectCreatedConsumer(
            EventConsumer consumer,
            ProjectFolderRepository folders,
            ServiceConfig service,
            WatchedFolders watchedFolders) {
        this.consumer = consumer;
        this.folders = folders;
        this.service = service;
        this.watchedFolders = watchedFolders;
    }

    @Incoming(Channels.PROJECT_CREATED)
    public Uni<Void> onProjectCreated(String event) {
        return consumer.consume(service.name(), event, ProjectCreated.class, (context, project) -> {
            ProjectFolder folder = new ProjectFolder();
            folder.projectId = project.projectId();
            folder.slug = project.slug();
            folder.name = project.name();
            folder.createdAt = Instant.now();
            return folders.persist(folder)
                    .invoke(() -> watchedFolders.create(project.slug()))
                    .replaceWithVoid();
        });
    }
}
