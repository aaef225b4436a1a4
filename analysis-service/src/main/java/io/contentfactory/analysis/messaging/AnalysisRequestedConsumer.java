package io.contentfactory.analysis.messaging;

import io.contentfactory.analysis.service.AnalysisIntake;
import io.contentfactory.contracts.Channels;
import io.contentfactory.contracts.events.MediaAnalysisRequested;
import io.contentfactory.kit.ServiceConfig;
import io.contentfactory.kit.messaging.EventConsumer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Analyses an item again when its project asked for it: from the {@code media.ingested} kept for it, with a fresh
 * media URL from ingest-service (the one it was ingested with may have expired). An item already analysed by this
 * analyzer version is left as it is, so a repeated request changes nothing.
 */
@ApplicationScoped
public class AnalysisRequestedConsumer {

    private final EventConsumer consumer;
    private final AnalysisIntake intake;
    private final FailedAnalyses failures;
    private final ServiceConfig service;

    AnalysisRequestedConsumer(
            EventConsumer consumer, AnalysisIntake intake, FailedAnalyses failures, ServiceConfig service) {
        this.consumer = consumer;
        this.intake = intake;
        this.failures = failures;
        this.service = service;
    }

    @Incoming(Channels.MEDIA_ANALYSIS_REQUESTED)
    public Uni<Void> onRequested(String event) {
        return consumer.consume(
                        service.name(),
                        event,
                        MediaAnalysisRequested.class,
                        (context, request) -> intake.requested(context.projectId(), request.mediaId()),
                        (context, request, prepared) -> intake.record(context.projectId(), prepared))
                .onFailure()
                .call(failure -> failures.record(event, failure));
    }
}
