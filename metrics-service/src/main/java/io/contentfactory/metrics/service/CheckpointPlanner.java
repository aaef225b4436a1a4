package io.contentfactory.metrics.service;

import io.contentfactory.contracts.events.PostPublished;
import io.contentfactory.metrics.config.MetricsConfig;
import io.contentfactory.metrics.domain.Checkpoint;
import io.contentfactory.metrics.domain.MetricCheckpoint;
import io.contentfactory.metrics.persistence.CheckpointStore;
import io.contentfactory.metrics.persistence.MetricsSettingsStore;
import io.opentelemetry.instrumentation.annotations.SpanAttribute;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Plans a published post's checkpoints as durable timer rows: the project's own set, or the service's (+15m, +1h, +4h,
 * +24h, +72h, +7d).
 */
@ApplicationScoped
public class CheckpointPlanner {

    private final CheckpointStore checkpoints;
    private final MetricsSettingsStore settings;
    private final MetricsConfig config;
    private final List<Checkpoint> defaults;

    CheckpointPlanner(CheckpointStore checkpoints, MetricsSettingsStore settings, MetricsConfig config) {
        this.checkpoints = checkpoints;
        this.settings = settings;
        this.config = config;
        this.defaults = Checkpoint.set(config.checkpoints());
    }

    /** The service's checkpoint set, for a project that has not set its own. */
    public List<Checkpoint> defaults() {
        return defaults;
    }

    /** Call inside a transaction bound to {@code projectId}. */
    @WithSpan("CheckpointPlanner.plan")
    public Uni<Void> plan(@SpanAttribute("project.id") UUID projectId, PostPublished published) {
        return settings.checkpoints(projectId)
                .map(own -> own.map(Checkpoint::set).orElse(defaults))
                .onItem()
                .transformToMulti(schedule -> Multi.createFrom().iterable(schedule))
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
