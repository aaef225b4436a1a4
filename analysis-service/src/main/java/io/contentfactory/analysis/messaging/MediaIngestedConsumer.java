package io.contentfactory.analysis.messaging;

import io.contentfactory.analysis.domain.MediaAnalyzer;
import io.contentfactory.analysis.persistence.AnalysisProgress;
import io.contentfactory.contracts.Channels;
import io.contentfactory.contracts.CloudEvent;
import io.contentfactory.contracts.EventCodec;
import io.contentfactory.contracts.MalformedEventException;
import io.contentfactory.contracts.events.MediaAnalysisProgressed;
import io.contentfactory.contracts.events.MediaIngested;
import io.contentfactory.kit.ServiceConfig;
import io.contentfactory.kit.messaging.EventConsumer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Analyses each ingested item once. An analysis that still fails after its retries (or at once, for a file that does
 * not decode) is recorded as {@code analysis_failed} with its reason before the event goes to the dead-letter topic:
 * it never stays silently stuck.
 */
@ApplicationScoped
public class MediaIngestedConsumer {

    private static final Logger LOG = Logger.getLogger(MediaIngestedConsumer.class);

    private final EventConsumer consumer;
    private final MediaAnalyzer analyzer;
    private final AnalysisProgress progress;
    private final ServiceConfig service;

    MediaIngestedConsumer(EventConsumer consumer, MediaAnalyzer analyzer, AnalysisProgress progress, ServiceConfig service) {
        this.consumer = consumer;
        this.analyzer = analyzer;
        this.progress = progress;
        this.service = service;
    }

    @Incoming(Channels.MEDIA_INGESTED)
    public Uni<Void> onMediaIngested(String event) {
        return consumer.consume(service.name(), event, MediaIngested.class,
                        (context, media) -> analyzer.analyze(context.projectId(), media))
                .onFailure().call(failure -> recordFailure(event, failure));
    }

    private Uni<Void> recordFailure(String event, Throwable failure) {
        CloudEvent envelope;
        MediaIngested media;
        try {
            envelope = EventCodec.parse(event);
            media = EventCodec.data(envelope, MediaIngested.class);
        } catch (MalformedEventException malformed) {
            return Uni.createFrom().voidItem();
        }
        return progress.record(envelope.projectid(), new MediaAnalysisProgressed(media.mediaId(), "analysis_failed", "done", 100,
                        String.valueOf(failure.getMessage())))
                .onFailure().invoke(unrecorded -> LOG.warnf("the failure of %s's analysis was not recorded: %s", media.mediaId(),
                        unrecorded.toString()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }
}
