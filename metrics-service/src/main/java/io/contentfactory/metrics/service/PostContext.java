package io.contentfactory.metrics.service;

import io.contentfactory.contracts.events.MediaAnalyzed;
import io.contentfactory.contracts.events.PostScheduled;
import io.contentfactory.metrics.persistence.MediaPredictionStore;
import io.contentfactory.metrics.persistence.PostRefStore;
import io.opentelemetry.instrumentation.annotations.SpanAttribute;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * What other services tell about posts and media that the metrics need: a post's own reference, so the API takes it
 * as scheduler-service does, and a media item's pre-social score, which the post-social score is compared with. Call
 * inside a transaction bound to the project.
 */
@ApplicationScoped
public class PostContext {

    private final PostRefStore refs;
    private final MediaPredictionStore predictions;

    PostContext(PostRefStore refs, MediaPredictionStore predictions) {
        this.refs = refs;
        this.predictions = predictions;
    }

    @WithSpan("PostContext.scheduled")
    public Uni<Void> scheduled(@SpanAttribute("project.id") UUID projectId, PostScheduled scheduled) {
        return refs.remember(projectId, scheduled.postId(), scheduled.clientRef());
    }

    @WithSpan("PostContext.analyzed")
    public Uni<Void> analyzed(@SpanAttribute("project.id") UUID projectId, MediaAnalyzed analyzed) {
        return predictions.record(projectId, analyzed.mediaId(), analyzed.preSocialScore());
    }
}
