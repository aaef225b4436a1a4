package io.contentfactory.metrics.service;

import io.contentfactory.contracts.events.MetricsCollected;
import io.contentfactory.contracts.events.Platform;
import io.contentfactory.kit.outbox.Outbox;
import io.contentfactory.kit.tenancy.TenantScope;
import io.contentfactory.kit.timer.TimerClaim;
import io.contentfactory.kit.timer.TimerLoop;
import io.contentfactory.kit.timer.TimerLoops;
import io.contentfactory.metrics.clients.ReadTokens;
import io.contentfactory.metrics.config.MetricsConfig;
import io.contentfactory.metrics.domain.MetricCheckpoint;
import io.contentfactory.metrics.domain.PostingMetrics;
import io.contentfactory.metrics.persistence.CheckpointRepository;
import io.contentfactory.metrics.persistence.PostingMetricsRepository;
import io.contentfactory.metrics.platform.InsightsSnapshot;
import io.contentfactory.metrics.platform.InstagramInsightsClient;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

/**
 * At each due checkpoint, reads the post's insights from its platform and stores them with
 * {@code metrics.collected} in one transaction. A failed read leaves the checkpoint leased; it is retried when
 * the lease expires.
 */
@Startup
@ApplicationScoped
public class MetricsPoller {

    private static final int BATCH = 20;

    private final CheckpointRepository checkpoints;
    private final PostingMetricsRepository metrics;
    private final InstagramInsightsClient instagram;
    private final ReadTokens readTokens;
    private final Outbox outbox;
    private final TenantScope tenantScope;
    private final TimerLoop loop;

    MetricsPoller(
            TimerLoops loops,
            CheckpointRepository checkpoints,
            PostingMetricsRepository metrics,
            InstagramInsightsClient instagram,
            ReadTokens readTokens,
            Outbox outbox,
            TenantScope tenantScope,
            MetricsConfig config) {
        this.readTokens = readTokens;
        this.checkpoints = checkpoints;
        this.metrics = metrics;
        this.instagram = instagram;
        this.outbox = outbox;
        this.tenantScope = tenantScope;
        this.loop = loops.start(
                "metrics-poller", "metric_checkpoints", config.lease(), config.maxSleep(), BATCH, this::collect);
    }

    @WithSpan("MetricsPoller.wake")
    public void wake() {
        loop.wake();
    }

    private Uni<Void> collect(TimerClaim claim) {
        return Panache.withTransaction(() -> tenantScope
                        .bind(claim.projectId())
                        .chain(() -> checkpoints.findInProject(claim.projectId(), claim.id())))
                .chain(checkpoint -> readTokens
                        .forAccount(checkpoint.projectId, checkpoint.platform, checkpoint.accountId)
                        .chain(token -> instagram.insights(checkpoint.externalPostId, token))
                        .chain(snapshot -> loop.timer().fireWith(claim, () -> record(checkpoint, snapshot))));
    }

    private Uni<Void> record(MetricCheckpoint checkpoint, InsightsSnapshot snapshot) {
        PostingMetrics row = new PostingMetrics();
        row.projectId = checkpoint.projectId;
        row.id = UUID.randomUUID();
        row.checkpointId = checkpoint.id;
        row.postId = checkpoint.postId;
        row.targetId = checkpoint.targetId;
        row.mediaId = checkpoint.mediaId;
        row.checkpoint = checkpoint.checkpoint;
        row.checkTime = Instant.now();
        row.views = snapshot.get("views");
        row.reach = snapshot.get("reach");
        row.likes = snapshot.get("likes");
        row.commentsCount = snapshot.get("comments");
        row.shares = snapshot.get("shares");
        row.saves = snapshot.get("saved");
        row.rawPayload = snapshot.rawPayload();
        MetricsCollected event = new MetricsCollected(
                row.postId,
                row.targetId,
                row.mediaId,
                Platform.valueOf(checkpoint.platform.toUpperCase()),
                checkpoint.externalPostId,
                row.checkpoint,
                row.checkTime,
                row.views,
                row.likes,
                row.commentsCount,
                row.shares,
                row.saves);
        return metrics.persist(row)
                .chain(() -> outbox.record(row.projectId, event))
                .replaceWithVoid();
    }
}
