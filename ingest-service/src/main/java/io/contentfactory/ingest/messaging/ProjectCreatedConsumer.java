package io.contentfactory.ingest.messaging;

import io.contentfactory.contracts.Channels;
import io.contentfactory.contracts.events.ProjectCreated;
import io.contentfactory.ingest.domain.ProjectFolder;
import io.contentfactory.ingest.persistence.ProjectFolderRepository;
import io.contentfactory.kit.ServiceConfig;
import io.contentfactory.kit.messaging.EventConsumer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Learns each new project's slug, which names its watched folder, and creates that folder. */
@ApplicationScoped
public class ProjectCreatedConsumer {

    private final EventConsumer consumer;
    private final ProjectFolderRepository folders;
    private final ServiceConfig service;
    private final Path watchRoot;

    ProjectCreatedConsumer(EventConsumer consumer, ProjectFolderRepository folders, ServiceConfig service,
            @ConfigProperty(name = "factory.ingest.watch-root") Path watchRoot) {
        this.consumer = consumer;
        this.folders = folders;
        this.service = service;
        this.watchRoot = watchRoot;
    }

    @Incoming(Channels.PROJECT_CREATED)
    public Uni<Void> onProjectCreated(String event) {
        return consumer.consume(service.name(), event, ProjectCreated.class, (context, project) -> {
            ProjectFolder folder = new ProjectFolder();
            folder.projectId = project.projectId();
            folder.slug = project.slug();
            folder.name = project.name();
            folder.createdAt = Instant.now();
            return folders.persist(folder).invoke(() -> createFolder(project.slug())).replaceWithVoid();
        });
    }

    private void createFolder(String slug) {
        try {
            Files.createDirectories(watchRoot.resolve(slug));
        } catch (IOException e) {
            throw new IllegalStateException("cannot create watched folder for " + slug, e);
        }
    }
}
