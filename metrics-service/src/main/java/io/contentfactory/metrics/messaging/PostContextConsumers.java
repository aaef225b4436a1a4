package io.contentfactory.metrics.messaging;

import io.contentfactory.contracts.Channels;
import io.contentfactory.contracts.events.MediaAnalyzed;
import io.contentfactory.contracts.events.PostScheduled;
import io.contentfactory.kit.ServiceConfig;
import io.contentfactory.kit.messaging.EventConsumer;
import io.contentfactory.metrics.service.PostContext;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** {@code post.scheduled} and {@code media.analyzed}: the posts' references and the media's pre-social scores. */
@ApplicationScoped
public class PostContextConsumers {

    private final EventConsumer consumer;
    private final PostContext context;
    private final ServiceConfig service;

    PostContextConsumers(EventConsumer consumer, PostContext context, ServiceConfig service) {
        this.consumer = consumer;
        this.context = context;
        this.service = service;
    }

    @Incoming(Channels.POST_SCHEDULED)
    public Uni<Void> onPostScheduled(String event) {
        return consumer.consume(
                service.name(),
                event,
                PostScheduled.class,
                (envelope, scheduled) -> context.scheduled(envelope.projectId(), scheduled));
    }

    @Incoming(Channels.MEDIA_ANALYZED)
    public Uni<Void> onMediaAnalyzed(String event) {
        return consumer.consume(
                service.name(),
                event,
                MediaAnalyzed.class,
                (envelope, analyzed) -> context.analyzed(envelope.projectId(), analyzed));
    }
}
