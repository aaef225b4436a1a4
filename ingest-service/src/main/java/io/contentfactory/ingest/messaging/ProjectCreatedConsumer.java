package io.contentfactory.ingest.messaging;

import io.contentfactory.contracts.Channels;
import io.contentfactory.contracts.events.ProjectCreated;
import io.contentfactory.ingest.service.ProjectFolders;
import io.contentfactory.kit.ServiceConfig;
import io.contentfactory.kit.messaging.EventConsumer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Learns each new project's slug, which names its watched folder, and creates that folder (or the one configured for it). */
@ApplicationScoped
public class ProjectCreatedConsumer {

    private final EventConsumer consumer;
    private final ServiceConfig service;
    private final ProjectFolders folders;

    ProjectCreatedConsumer(EventConsumer consumer, ServiceConfig service, ProjectFolders folders) {
        this.consumer = consumer;
        this.service = service;
        this.folders = folders;
    }

    @Incoming(Channels.PROJECT_CREATED)
    public Uni<Void> onProjectCreated(String event) {
        return consumer.consume(
                service.name(), event, ProjectCreated.class, (context, project) -> folders.adopt(project));
    }
}
