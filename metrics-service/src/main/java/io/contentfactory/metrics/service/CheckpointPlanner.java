package io.contentfactory.metrics.service;

import io.contentfactory.contracts.events.PostPublished;
import io.contentfactory.metrics.config.MetricsConfig;
import io.contentfactory.metrics.domain.Checkpoint;
import io.contentfactory.metrics.domain.MetricCheckpoint;
import io.contentfactory.metrics.persistence.CheckpointStore;
import io.opentelemetry.instrumentation.annotations.SpanAttribute;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Plans a published post's checkpoints (+15m, +1h, +4h, +24h, +72h, +7d by default) as durable timer rows. */
@ApplicationScoped
public class CheckpointPlanner {

    private final CheckpointStore checkpoints;
    private final MetricsConfig config;
    private final List<Checkpoint> schedule;

    CheckpointPlanner(CheckpointStore checkpoints, MetricsConfig config) {
        this.checkpoints = checkpoints;
        this.config = config;
        this.schedule = config.checkpoints().stream().map(Checkpoint::parse).toList();
    }

    /** Call inside a transaction bound to {@code projectId}. */
    @WithSpan("CheckpointPlanner.plan")
    public Uni<Void> plan(@SpanAttribute("project.id") UUID projectId, PostPublished published) {
        return Multi.createFrom()
                .iterable(schedule)
                .onItem()
                .transformToUniAndConcatenate(checkpoint -> checkpoints.persist(row(projectId, published, checkpoint)))
                .collect()
                .last()
                .replaceWithVoid();
    }

    private MetricCheckpoint row(UUID projectId, PostPublished published, Checkpoint checkpoint) {
        MetricCheckpoint row = new MetricCheckpoint();
        row.projectId = projectId;
        row.id = UUID.randomUUID();
        row.postId = published.postId();
        row.targetId = published.targetId();
        row.mediaId = published.mediaId();
        row.platform = published.platform().name().toLowerCase();
        row.accountId = published.accountId();
        row.externalPostId = published.externalPostId();
        row.format = published.format().name().toLowerCase();
        row.byHand = published.postedByHand();
        row.checkpoint = checkpoint.label();
        row.dueAt = published.publishedAt().plus(checkpoint.offset(config.minute()));
        row.fireAt = row.dueAt;
        row.createdAt = Instant.now();
        return row;
    }
}
