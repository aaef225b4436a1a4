package io.contentfactory.analysis.messaging;

import io.contentfactory.analysis.domain.MediaAnalyzer;
import io.contentfactory.contracts.Channels;
import io.contentfactory.contracts.events.MediaIngested;
import io.contentfactory.kit.ServiceConfig;
import io.contentfactory.kit.messaging.EventConsumer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

@ApplicationScoped
public class MediaIngestedConsumer {

    private final EventConsumer consumer;
    private final MediaAnalyzer analyzer;
    private final ServiceConfig service;

    MediaIngestedConsumer(EventConsumer consumer, MediaAnalyzer analyzer, ServiceConfig service) {
        this.consumer = consumer;
        this.analyzer = analyzer;
        this.service = service;
    }

    @Incoming(Channels.MEDIA_INGESTED)
    public Uni<Void> onMediaIngested(String event) {
        return consumer.consume(service.name(), event, MediaIngested.class,
                (context, media) -> analyzer.analyze(context.projectId(), media));
    }
}
