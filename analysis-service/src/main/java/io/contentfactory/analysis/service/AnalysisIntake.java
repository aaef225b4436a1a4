package io.contentfactory.analysis.service;

import io.contentfactory.analysis.persistence.AnalysisProgress;
import io.contentfactory.analysis.persistence.MediaSources;
import io.contentfactory.contracts.events.MediaIngested;
import io.contentfactory.ingestclient.IngestClient;
import io.contentfactory.kit.messaging.PermanentFailure;
import io.opentelemetry.instrumentation.annotations.SpanAttribute;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * What the consumers hand over: an ingested item to analyse (kept, so it can be analysed again on request), a request
 * to analyse one again, the analysis recorded, and an item whose analysis failed for good. Each analysis is prepared
 * before the transaction that records it, not inside it.
 */
@ApplicationScoped
public class AnalysisIntake {

    private final MediaAnalyzer analyzer;
    private final MediaSources sources;
    private final AnalysisProgress progress;
    private final IngestClient ingest;

    AnalysisIntake(MediaAnalyzer analyzer, MediaSources sources, AnalysisProgress progress, IngestClient ingest) {
        this.analyzer = analyzer;
        this.sources = sources;
        this.progress = progress;
        this.ingest = ingest;
    }

    @WithSpan("AnalysisIntake.ingested")
    public Uni<MediaAnalyzer.Prepared> ingested(@SpanAttribute("project.id") UUID projectId, MediaIngested media) {
        return sources.remember(projectId, media).chain(() -> analyzer.prepare(projectId, media));
    }

    /** Analyses a kept item again, from a fresh URL of its bytes (the one it was ingested with may have expired). */
    @WithSpan("AnalysisIntake.requested")
    public Uni<MediaAnalyzer.Prepared> requested(
            @SpanAttribute("project.id") UUID projectId, @SpanAttribute("media.id") UUID mediaId) {
        return sources.find(projectId, mediaId).chain(media -> {
            if (media == null) {
                return Uni.createFrom()
                        .failure(new PermanentFailure("media " + mediaId + " was never ingested into this project"));
            }
            return ingest.renewed(media.contentUrl())
                    .chain(url -> analyzer.prepare(projectId, media.withContentUrl(url)));
        });
    }

    /** Inside the consumer's transaction: the analysis, its event and its progress are written together. */
    public Uni<Void> record(UUID projectId, MediaAnalyzer.Prepared prepared) {
        return analyzer.record(projectId, prepared);
    }

    /** Records {@code analysis_failed} with the reason, before the event goes to the dead-letter topic. */
    @WithSpan("AnalysisIntake.failedForGood")
    public Uni<Void> failedForGood(
            @SpanAttribute("project.id") UUID projectId, @SpanAttribute("media.id") UUID mediaId, Throwable failure) {
        return progress.failed(projectId, mediaId, failure);
    }
}
