package io.contentfactory.analysis.messaging;

import io.contentfactory.analysis.service.AccountModels;
import io.contentfactory.contracts.Channels;
import io.contentfactory.contracts.events.ModelUpdated;
import io.contentfactory.kit.ServiceConfig;
import io.contentfactory.kit.messaging.EventConsumer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** The model in force for an account, as the coach learns, pins and resets it ({@code model.updated}). */
@ApplicationScoped
public class ModelConsumer {

    private final EventConsumer consumer;
    private final AccountModels models;
    private final ServiceConfig service;

    ModelConsumer(EventConsumer consumer, AccountModels models, ServiceConfig service) {
        this.consumer = consumer;
        this.models = models;
        this.service = service;
    }

    @Incoming(Channels.MODEL_UPDATED)
    public Uni<Void> onModelUpdated(String event) {
        return consumer.consume(
                service.name(),
                event,
                ModelUpdated.class,
                (context, model) -> models.updated(context.projectId(), model));
    }
}
