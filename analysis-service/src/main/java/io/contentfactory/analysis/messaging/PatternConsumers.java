package io.contentfactory.analysis.messaging;

import io.contentfactory.analysis.service.PatternCatalog;
import io.contentfactory.contracts.Channels;
import io.contentfactory.contracts.events.PatternDeleted;
import io.contentfactory.contracts.events.PatternImported;
import io.contentfactory.kit.ServiceConfig;
import io.contentfactory.kit.messaging.EventConsumer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** The project's top-performer patterns as the coach imports ({@code pattern.imported}) and deletes them. */
@ApplicationScoped
public class PatternConsumers {

    private final EventConsumer consumer;
    private final PatternCatalog catalog;
    private final ServiceConfig service;

    PatternConsumers(EventConsumer consumer, PatternCatalog catalog, ServiceConfig service) {
        this.consumer = consumer;
        this.catalog = catalog;
        this.service = service;
    }

    @Incoming(Channels.PATTERN_IMPORTED)
    public Uni<Void> onImported(String event) {
        return consumer.consume(
                service.name(),
                event,
                PatternImported.class,
                (context, imported) -> catalog.imported(context.projectId(), imported));
    }

    @Incoming(Channels.PATTERN_DELETED)
    public Uni<Void> onDeleted(String event) {
        return consumer.consume(
                service.name(),
                event,
                PatternDeleted.class,
                (context, deleted) -> catalog.deleted(context.projectId(), deleted));
    }
}
