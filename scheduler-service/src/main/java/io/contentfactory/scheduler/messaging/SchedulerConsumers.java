package io.contentfactory.scheduler.messaging;

import io.contentfactory.contracts.Channels;
import io.contentfactory.contracts.EventCodec;
import io.contentfactory.contracts.events.MediaAnalysisProgressed;
import io.contentfactory.contracts.events.MediaAnalyzed;
import io.contentfactory.contracts.events.MediaRejected;
import io.contentfactory.contracts.events.PostFailed;
import io.contentfactory.contracts.events.PostPublished;
import io.contentfactory.contracts.events.PostPublishing;
import io.contentfactory.contracts.events.ProjectCreated;
import io.contentfactory.kit.ServiceConfig;
import io.contentfactory.kit.messaging.EventConsumer;
import io.contentfactory.scheduler.domain.Dispatcher;
import io.contentfactory.scheduler.domain.Planner;
import io.contentfactory.scheduler.domain.Posts;
import io.contentfactory.scheduler.domain.Settings;
import io.contentfactory.scheduler.persistence.MediaCatalogRepository;
import io.contentfactory.scheduler.persistence.PostTargetRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Plans analysed media, and writes each target's publish outcome back so its status can be read. */
@ApplicationScoped
public class SchedulerConsumers {

    private final EventConsumer consumer;
    private final Planner planner;
    private final Dispatcher dispatcher;
    private final PostTargetRepository targets;
    private final ServiceConfig service;
    private final Settings settings;
    private final Posts posts;
    private final MediaCatalogRepository catalog;

    SchedulerConsumers(
            EventConsumer consumer,
            Planner planner,
            Dispatcher dispatcher,
            PostTargetRepository targets,
            ServiceConfig service,
            Settings settings,
            Posts posts,
            MediaCatalogRepository catalog) {
        this.posts = posts;
        this.catalog = catalog;
        this.settings = settings;
        this.consumer = consumer;
        this.planner = planner;
        this.dispatcher = dispatcher;
        this.targets = targets;
        this.service = service;
    }

    /** Analysed media is queued for the project's auto-targets, and posts that waited for it are planned. */
    @Incoming(Channels.MEDIA_ANALYZED)
    public Uni<Void> onMediaAnalyzed(String event) {
        return consumer.consume(
                        service.name(),
                        event,
                        MediaAnalyzed.class,
                        (context, media) -> targets.lockMediaWaits(context.projectId())
                                .chain(() -> planner.mediaAnalyzed(context.projectId(), media))
                                .chain(() -> posts.releaseWaiting(context.projectId())))
                .invoke(dispatcher::wake);
    }

    /** An analysis that failed for good fails the targets that waited for its media; other progress is ingest's. */
    @Incoming(Channels.MEDIA_ANALYSIS_PROGRESSED)
    public Uni<Void> onAnalysisProgressed(String event) {
        return consumer.consume(
                service.name(),
                event,
                MediaAnalysisProgressed.class,
                (context, progress) -> "analysis_failed".equals(progress.status())
                        ? posts.mediaFailed(
                                context.projectId(),
                                progress.mediaId(),
                                "media_analysis_failed",
                                "could not be analysed: "
                                        + (progress.reason() == null ? "no reason given" : progress.reason()))
                        : "queued".equals(progress.status())
                                ? catalog.forgetUnusable(context.projectId(), progress.mediaId())
                                : Uni.createFrom().voidItem());
    }

    /** An item that ended rejected, failed or duplicate at ingest-service fails the targets that waited for it. */
    @Incoming(Channels.MEDIA_REJECTED)
    public Uni<Void> onMediaRejected(String event) {
        return consumer.consume(
                service.name(),
                event,
                MediaRejected.class,
                (context, rejected) -> posts.mediaFailed(
                        context.projectId(),
                        rejected.mediaId(),
                        "media_" + rejected.status(),
                        "was not taken: " + rejected.reason()));
    }

    @Incoming(Channels.PROJECT_CREATED)
    public Uni<Void> onProjectCreated(String event) {
        return consumer.consume(
                service.name(),
                event,
                ProjectCreated.class,
                (context, project) -> settings.adoptTimeZone(project.projectId(), project.timeZone()));
    }

    /** Publishing started; a later status already written (published, failed) is kept, whatever the arrival order. */
    @Incoming(Channels.POST_PUBLISHING)
    public Uni<Void> onPostPublishing(String event) {
        return consumer.consume(
                service.name(),
                event,
                PostPublishing.class,
                (context, publishing) -> targets.findInProject(context.projectId(), publishing.targetId())
                        .invoke(target -> {
                            if (target != null && "due".equals(target.status)) {
                                target.status = "publishing";
                            }
                        })
                        .replaceWithVoid());
    }

    /** Publish jobs created through the API directly have no target here: their outcomes are not the scheduler's. */
    @Incoming(Channels.POST_PUBLISHED)
    public Uni<Void> onPostPublished(String event) {
        return consumer.consume(
                service.name(),
                event,
                PostPublished.class,
                (context, published) -> targets.findInProject(context.projectId(), published.targetId())
                        .invoke(target -> {
                            if (target == null) {
                                return;
                            }
                            target.status = "published";
                            target.externalPostId = published.externalPostId();
                            target.permalink = published.permalink();
                            target.publishedAt = published.publishedAt();
                            target.errorJson = null;
                        })
                        .replaceWithVoid());
    }

    @Incoming(Channels.POST_FAILED)
    public Uni<Void> onPostFailed(String event) {
        return consumer.consume(
                service.name(),
                event,
                PostFailed.class,
                (context, failed) -> targets.findInProject(context.projectId(), failed.targetId())
                        .invoke(target -> {
                            if (target != null && !"published".equals(target.status)) {
                                target.status = "failed";
                                target.errorJson = EventCodec.mapper()
                                        .valueToTree(failed.error())
                                        .toString();
                            }
                        })
                        .replaceWithVoid());
    }
}
