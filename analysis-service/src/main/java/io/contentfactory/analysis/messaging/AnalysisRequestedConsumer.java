package io.contentfactory.analysis.messaging;

import io.contentfactory.analysis.domain.MediaAnalyzer;
import io.contentfactory.analysis.persistence.MediaSources;
import io.contentfactory.contracts.Channels;
import io.contentfactory.contracts.events.MediaAnalysisRequested;
import io.contentfactory.ingestclient.IngestClient;
import io.contentfactory.kit.ServiceConfig;
import io.contentfactory.kit.messaging.EventConsumer;
import io.contentfactory.kit.messaging.PermanentFailure;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Analyses an item again when its project asked for it: from the {@code media.ingested} kept for it, with a fresh
 * media URL from ingest-service (the one it was ingested with may have expired). An item already analysed by this
 * analyzer version is left as it is, so a repeated request changes nothing.
 */
@ApplicationScoped
public class AnalysisRequestedConsumer {

    private final EventConsumer consumer;
    private final MediaAnalyzer analyzer;
    private final MediaSources sources;
    private final IngestClient ingest;
    private final FailedAnalyses failures;
    private final ServiceConfig service;

    AnalysisRequestedConsumer(
            EventConsumer consumer,
            MediaAnalyzer analyzer,
            MediaSources sources,
            IngestClient ingest,
            FailedAnalyses failures,
            ServiceConfig service) {
        this.consumer = consumer;
        this.analyzer = analyzer;
        this.sources = sources;
        this.ingest = ingest;
        this.failures = failures;
        this.service = service;
    }

    @Incoming(Channels.MEDIA_ANALYSIS_REQUESTED)
    public Uni<Void> onRequested(String event) {
        return consumer.consume(
                        service.name(),
                        event,
                        MediaAnalysisRequested.class,
                        (context, request) -> reanalyse(context.projectId(), request.mediaId()),
                        (context, request, prepared) -> analyzer.record(context.projectId(), prepared))
                .onFailure()
                .call(failure -> failures.record(event, failure));
    }

    private Uni<MediaAnalyzer.Prepared> reanalyse(UUID projectId, UUID mediaId) {
        return sources.find(projectId, mediaId).chain(media -> {
            if (media == null) {
                return Uni.createFrom()
                        .failure(new PermanentFailure("media " + mediaId + " was never ingested into this project"));
            }
            return ingest.renewed(media.contentUrl())
                    .chain(url -> analyzer.prepare(projectId, media.withContentUrl(url)));
        });
    }
}
