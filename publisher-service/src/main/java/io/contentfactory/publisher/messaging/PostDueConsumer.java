package io.contentfactory.publisher.messaging;

import io.contentfactory.contracts.Channels;
import io.contentfactory.contracts.events.PostDue;
import io.contentfactory.kit.ServiceConfig;
import io.contentfactory.kit.messaging.EventConsumer;
import io.contentfactory.publisher.service.PublishJobService;
import io.contentfactory.publisher.service.PublishRunner;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

@ApplicationScoped
public class PostDueConsumer {

    private final EventConsumer consumer;
    private final PublishJobService jobs;
    private final PublishRunner runner;
    private final ServiceConfig service;

    PostDueConsumer(EventConsumer consumer, PublishJobService jobs, PublishRunner runner, ServiceConfig service) {
        this.consumer = consumer;
        this.jobs = jobs;
        this.runner = runner;
        this.service = service;
    }

    @Incoming(Channels.POST_DUE)
    public Uni<Void> onPostDue(String event) {
        return consumer.consumeAsOneWrite(
                        service.name(), event, PostDue.class, (context, due) -> jobs.intake(context.projectId(), due))
                .invoke(runner::wake);
    }
}
