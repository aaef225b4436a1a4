package io.contentfactory.analysis.messaging;

import io.contentfactory.analysis.service.AnalysisIntake;
import io.contentfactory.contracts.Channels;
import io.contentfactory.contracts.events.MediaIngested;
import io.contentfactory.kit.ServiceConfig;
import io.contentfactory.kit.messaging.EventConsumer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Analyses each ingested item once (the analysis runs before the transaction that records it, not inside it), and
 * keeps what was ingested so that it can be analysed again on request. An
 * analysis that still fails after its retries (or at once, for a file that does not decode) is recorded as
 * {@code analysis_failed} with its reason before the event goes to the dead-letter topic: it never stays silently stuck.
 */
@ApplicationScoped
public class MediaIngestedConsumer {

    private final EventConsumer consumer;
    private final AnalysisIntake intake;
    private final FailedAnalyses failures;
    private final ServiceConfig service;

    MediaIngestedConsumer(
            EventConsumer consumer, AnalysisIntake intake, FailedAnalyses failures, ServiceConfig service) {
        this.consumer = consumer;
        this.intake = intake;
        this.failures = failures;
        this.service = service;
    }

    @Incoming(Channels.MEDIA_INGESTED)
    public Uni<Void> onMediaIngested(String event) {
        return consumer.consume(
                        service.name(),
                        event,
                        MediaIngested.class,
                        (context, media) -> intake.ingested(context.projectId(), media),
                        (context, media, prepared) -> intake.record(context.projectId(), prepared))
                .onFailure()
                .call(failure -> failures.record(event, failure));
    }
}
