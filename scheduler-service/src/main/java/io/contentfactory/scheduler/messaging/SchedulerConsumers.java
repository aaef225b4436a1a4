package io.contentfactory.scheduler.messaging;

import io.contentfactory.contracts.Channels;
import io.contentfactory.contracts.events.MediaAnalysisProgressed;
import io.contentfactory.contracts.events.MediaAnalyzed;
import io.contentfactory.contracts.events.MediaRejected;
import io.contentfactory.contracts.events.PostFailed;
import io.contentfactory.contracts.events.PostPublished;
import io.contentfactory.contracts.events.PostPublishing;
import io.contentfactory.contracts.events.ProjectCreated;
import io.contentfactory.kit.ServiceConfig;
import io.contentfactory.kit.messaging.EventConsumer;
import io.contentfactory.scheduler.service.Dispatcher;
import io.contentfactory.scheduler.service.MediaArrivals;
import io.contentfactory.scheduler.service.PublishOutcomes;
import io.contentfactory.scheduler.service.SettingsService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Each event the scheduler subscribes to, decoded and handed to one service call inside its inbox transaction. */
@ApplicationScoped
public class SchedulerConsumers {

    private final EventConsumer consumer;
    private final String group;
    private final MediaArrivals media;
    private final PublishOutcomes outcomes;
    private final SettingsService settings;
    private final Dispatcher dispatcher;
    private final io.contentfactory.scheduler.service.LearnedHours learned;

    SchedulerConsumers(
            EventConsumer consumer,
            ServiceConfig service,
            MediaArrivals media,
            PublishOutcomes outcomes,
            SettingsService settings,
            Dispatcher dispatcher,
            io.contentfactory.scheduler.service.LearnedHours learned) {
        this.learned = learned;
        this.consumer = consumer;
        this.group = service.name();
        this.media = media;
        this.outcomes = outcomes;
        this.settings = settings;
        this.dispatcher = dispatcher;
    }

    @Incoming(Channels.MEDIA_ANALYZED)
    public Uni<Void> onMediaAnalyzed(String event) {
        return consumer.consume(
                        group,
                        event,
                        MediaAnalyzed.class,
                        (context, analyzed) -> media.analyzed(context.projectId(), analyzed))
                .invoke(dispatcher::wake);
    }

    @Incoming(Channels.MEDIA_ANALYSIS_PROGRESSED)
    public Uni<Void> onAnalysisProgressed(String event) {
        return consumer.consume(
                group,
                event,
                MediaAnalysisProgressed.class,
                (context, progress) -> media.progressed(context.projectId(), progress));
    }

    @Incoming(Channels.MEDIA_REJECTED)
    public Uni<Void> onMediaRejected(String event) {
        return consumer.consume(
                group,
                event,
                MediaRejected.class,
                (context, rejected) -> media.rejected(context.projectId(), rejected));
    }

    @Incoming(Channels.PROJECT_CREATED)
    public Uni<Void> onProjectCreated(String event) {
        return consumer.consume(
                group,
                event,
                ProjectCreated.class,
                (context, project) -> settings.adoptTimeZone(project.projectId(), project.timeZone()));
    }

    @Incoming(Channels.MODEL_UPDATED)
    public Uni<Void> onModelUpdated(String event) {
        return consumer.consume(
                group,
                event,
                io.contentfactory.contracts.events.ModelUpdated.class,
                (context, model) -> learned.updated(context.projectId(), model));
    }

    @Incoming(Channels.POST_PUBLISHING)
    public Uni<Void> onPostPublishing(String event) {
        return consumer.consume(
                group,
                event,
                PostPublishing.class,
                (context, publishing) -> outcomes.publishing(context.projectId(), publishing));
    }

    @Incoming(Channels.POST_PUBLISHED)
    public Uni<Void> onPostPublished(String event) {
        return consumer.consume(
                group,
                event,
                PostPublished.class,
                (context, published) -> outcomes.published(context.projectId(), published));
    }

    @Incoming(Channels.POST_FAILED)
    public Uni<Void> onPostFailed(String event) {
        return consumer.consume(
                group, event, PostFailed.class, (context, failed) -> outcomes.failed(context.projectId(), failed));
    }
}
