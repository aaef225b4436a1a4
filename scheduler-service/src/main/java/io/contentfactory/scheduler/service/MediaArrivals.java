package io.contentfactory.scheduler.service;

import io.contentfactory.contracts.events.MediaAnalysisProgressed;
import io.contentfactory.contracts.events.MediaAnalyzed;
import io.contentfactory.contracts.events.MediaRejected;
import io.contentfactory.scheduler.persistence.MediaCatalogStore;
import io.contentfactory.scheduler.persistence.PostTargetStore;
import io.opentelemetry.instrumentation.annotations.SpanAttribute;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * What the pipeline says of a project's media, applied here: analysed media is queued for the auto-targets and
 * releases the posts that waited for it; media that will never be analysed fails them. Each call runs inside the
 * consumer's transaction, bound to the project.
 */
@ApplicationScoped
public class MediaArrivals {

    private final Planner planner;
    private final PostService posts;
    private final PostTargetStore targets;
    private final MediaCatalogStore catalog;

    MediaArrivals(Planner planner, PostService posts, PostTargetStore targets, MediaCatalogStore catalog) {
        this.planner = planner;
        this.posts = posts;
        this.targets = targets;
        this.catalog = catalog;
    }

    @WithSpan("MediaArrivals.analyzed")
    public Uni<Void> analyzed(@SpanAttribute("project.id") UUID projectId, MediaAnalyzed media) {
        return targets.lockMediaWaits(projectId)
                .chain(() -> planner.mediaAnalyzed(projectId, media))
                .chain(() -> posts.releaseWaiting(projectId));
    }

    /** An analysis that failed for good fails the targets that waited for its media; one queued again may yet do. */
    @WithSpan("MediaArrivals.progressed")
    public Uni<Void> progressed(@SpanAttribute("project.id") UUID projectId, MediaAnalysisProgressed progress) {
        return switch (progress.status()) {
            case "analysis_failed" ->
                posts.mediaFailed(
                        projectId,
                        progress.mediaId(),
                        "media_analysis_failed",
                        "could not be analysed: "
                                + (progress.reason() == null ? "no reason given" : progress.reason()));
            case "queued" -> catalog.forgetUnusable(projectId, progress.mediaId());
            default -> Uni.createFrom().voidItem();
        };
    }

    /** An item that ended rejected, failed or duplicate at ingest-service fails the targets that waited for it. */
    @WithSpan("MediaArrivals.rejected")
    public Uni<Void> rejected(@SpanAttribute("project.id") UUID projectId, MediaRejected rejected) {
        return posts.mediaFailed(
                projectId, rejected.mediaId(), "media_" + rejected.status(), "was not taken: " + rejected.reason());
    }
}
