package io.contentfactory.scheduler.service;

import io.contentfactory.contracts.EventCodec;
import io.contentfactory.contracts.events.PostFailed;
import io.contentfactory.contracts.events.PostPublished;
import io.contentfactory.contracts.events.PostPublishing;
import io.contentfactory.scheduler.persistence.PostTargetStore;
import io.opentelemetry.instrumentation.annotations.SpanAttribute;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * publisher-service's word on each target, written back so the post's status can be read. Events may arrive out of
 * order: a later status already written (published, failed) is kept. Publish jobs created through the API directly
 * have no target here; their outcomes are not the scheduler's. Each call runs inside the consumer's transaction.
 */
@ApplicationScoped
public class PublishOutcomes {

    private final PostTargetStore targets;

    PublishOutcomes(PostTargetStore targets) {
        this.targets = targets;
    }

    @WithSpan("PublishOutcomes.publishing")
    public Uni<Void> publishing(@SpanAttribute("project.id") UUID projectId, PostPublishing publishing) {
        return targets.findInProject(projectId, publishing.targetId())
                .invoke(target -> {
                    if (target != null) {
                        target.publishingStarted();
                    }
                })
                .replaceWithVoid();
    }

    @WithSpan("PublishOutcomes.published")
    public Uni<Void> published(@SpanAttribute("project.id") UUID projectId, PostPublished published) {
        return targets.findInProject(projectId, published.targetId())
                .invoke(target -> {
                    if (target != null) {
                        target.published(published.externalPostId(), published.permalink(), published.publishedAt());
                    }
                })
                .replaceWithVoid();
    }

    @WithSpan("PublishOutcomes.failed")
    public Uni<Void> failed(@SpanAttribute("project.id") UUID projectId, PostFailed failed) {
        return targets.findInProject(projectId, failed.targetId())
                .invoke(target -> {
                    if (target != null) {
                        target.failed(
                                EventCodec.mapper().valueToTree(failed.error()).toString());
                    }
                })
                .replaceWithVoid();
    }
}
