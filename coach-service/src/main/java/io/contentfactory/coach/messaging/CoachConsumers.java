package io.contentfactory.coach.messaging;

import io.contentfactory.coach.service.CoachService;
import io.contentfactory.contracts.Channels;
import io.contentfactory.contracts.events.MediaAnalyzed;
import io.contentfactory.contracts.events.MetricsCollected;
import io.contentfactory.kit.ServiceConfig;
import io.contentfactory.kit.messaging.EventConsumer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** {@code media.analyzed} and {@code metrics.collected}: what the coach judges a media item from. */
@ApplicationScoped
public class CoachConsumers {

    private final EventConsumer consumer;
    private final CoachService coach;
    private final ServiceConfig service;

    CoachConsumers(EventConsumer consumer, CoachService coach, ServiceConfig service) {
        this.consumer = consumer;
        this.coach = coach;
        this.service = service;
    }

    @Incoming(Channels.MEDIA_ANALYZED)
    public Uni<Void> onMediaAnalyzed(String event) {
        return consumer.consume(
                service.name(),
                event,
                MediaAnalyzed.class,
                (context, analyzed) -> coach.analyzed(context.projectId(), analyzed));
    }

    @Incoming(Channels.METRICS_COLLECTED)
    public Uni<Void> onMetricsCollected(String event) {
        return consumer.consume(
                service.name(),
                event,
                MetricsCollected.class,
                (context, metrics) -> coach.review(context.projectId(), metrics));
    }
}
