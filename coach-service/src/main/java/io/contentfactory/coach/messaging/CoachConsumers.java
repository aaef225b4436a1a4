package io.contentfactory.coach.messaging;

import io.contentfactory.coach.service.CoachService;
import io.contentfactory.coach.service.DerivativePlanService;
import io.contentfactory.contracts.Channels;
import io.contentfactory.contracts.events.MediaAnalyzed;
import io.contentfactory.contracts.events.MediaIngested;
import io.contentfactory.contracts.events.MetricsCollected;
import io.contentfactory.contracts.events.PostPublished;
import io.contentfactory.contracts.events.ProjectCreated;
import io.contentfactory.kit.ServiceConfig;
import io.contentfactory.kit.messaging.EventConsumer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * What the coach judges a media item from ({@code media.analyzed}, {@code metrics.collected}), what its posting
 * guidance is learned from ({@code project.created}'s time zone, {@code post.published}'s times) and what completes a
 * derivative plan ({@code media.ingested} with {@code derivedFromPlanId}).
 */
@ApplicationScoped
public class CoachConsumers {

    private final EventConsumer consumer;
    private final CoachService coach;
    private final DerivativePlanService plans;
    private final ServiceConfig service;

    CoachConsumers(EventConsumer consumer, CoachService coach, DerivativePlanService plans, ServiceConfig service) {
        this.consumer = consumer;
        this.coach = coach;
        this.plans = plans;
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

    @Incoming(Channels.PROJECT_CREATED)
    public Uni<Void> onProjectCreated(String event) {
        return consumer.consume(
                service.name(),
                event,
                ProjectCreated.class,
                (context, created) -> coach.projectCreated(context.projectId(), created));
    }

    @Incoming(Channels.POST_PUBLISHED)
    public Uni<Void> onPostPublished(String event) {
        return consumer.consume(
                service.name(),
                event,
                PostPublished.class,
                (context, published) -> coach.published(context.projectId(), published));
    }

    @Incoming(Channels.MEDIA_INGESTED)
    public Uni<Void> onMediaIngested(String event) {
        return consumer.consume(
                service.name(),
                event,
                MediaIngested.class,
                (context, ingested) -> plans.ingested(context.projectId(), ingested));
    }
}
