package io.contentfactory.metrics.messaging;

import io.contentfactory.contracts.Channels;
import io.contentfactory.contracts.events.PostPublished;
import io.contentfactory.kit.ServiceConfig;
import io.contentfactory.kit.messaging.EventConsumer;
import io.contentfactory.metrics.service.CheckpointCollector;
import io.contentfactory.metrics.service.CheckpointPlanner;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

@ApplicationScoped
public class PostPublishedConsumer {

    private final EventConsumer consumer;
    private final CheckpointPlanner planner;
    private final CheckpointCollector collector;
    private final ServiceConfig service;

    PostPublishedConsumer(
            EventConsumer consumer, CheckpointPlanner planner, CheckpointCollector collector, ServiceConfig service) {
        this.consumer = consumer;
        this.planner = planner;
        this.collector = collector;
        this.service = service;
    }

    @Incoming(Channels.POST_PUBLISHED)
    public Uni<Void> onPostPublished(String event) {
        return consumer.consume(
                        service.name(),
                        event,
                        PostPublished.class,
                        (context, published) -> planner.plan(context.projectId(), published))
                .invoke(collector::wake);
    }
}
