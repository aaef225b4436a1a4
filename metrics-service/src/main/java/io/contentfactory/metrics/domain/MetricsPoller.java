package io.contentfactory.metrics.domain;

import io.contentfactory.contracts.events.MetricsCollected;
import io.contentfactory.contracts.events.Platform;
import io.contentfactory.kit.ServiceConfig;
import io.contentfactory.kit.outbox.Outbox;
import io.contentfactory.kit.tenancy.TenantScope;
import io.contentfactory.kit.timer.DurableTimer;
import io.contentfactory.kit.timer.TimerClaim;
import io.contentfactory.kit.timer.TimerLoop;
import io.contentfactory.metrics.persistence.CheckpointRepository;
import io.contentfactory.metrics.persistence.PostingMetricsRepository;
import io.contentfactory.metrics.platform.InsightsSnapshot;
import io.contentfactory.metrics.platform.InstagramInsightsClient;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.UUID;

/**
 * At each due checkpoint, reads the post's insights from its platform and stores them with
 * {@code metrics.collected} in one transaction. A failed read leaves the checkpoint leased; it is retried when
 * the lease expires.
 */
@ApplicationScoped
public class MetricsPoller {

    private static final int BATCH = 20;

    private final CheckpointRepository checkpoints;
    private final PostingMetricsRepository metrics;
    private final InstagramInsightsClient instagram;
    private final Outbox outbox;
    private final TenantScope tenantScope;
    private final DurableTimer timer;
    private final TimerLoop loop;

    MetricsPoller(Vertx vertx, CheckpointRepository checkpoints, PostingMetricsRepository metrics,
            InstagramInsightsClient instagram, Outbox outbox, TenantScope tenantScope, ServiceConfig service,
            MetricsConfig config) {
        this.checkpoints = checkpoints;
        this.metrics = metrics;
        this.instagram = instagram;
        this.outbox = outbox;
        this.tenantScope = tenantScope;
        this.timer = DurableTimer.of(service, "metric_checkpoints", config.lease());
        this.loop = new TimerLoop("metrics-poller", vertx, timer, this::collect, config.maxSleep(), BATCH);
    }

    void onStart(@Observes StartupEvent event) {
        loop.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        loop.stop();
    }

    public void wake() {
        loop.wake();
    }

    private Uni<Void> collect(TimerClaim claim) {
        return Panache.withTransaction(() -> tenantScope.bind(claim.projectId())
                        .chain(() -> checkpoints.findInProject(claim.projectId(), claim.id())))
                .chain(checkpoint -> instagram.insights(checkpoint.externalPostId)
                        .chain(snapshot -> timer.fireWith(claim, () -> tenantScope.bind(claim.projectId())
                                .chain(() -> record(checkpoint, snapshot)))));
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
        MetricsCollected event = new MetricsCollected(row.postId, row.targetId, row.mediaId,
                Platform.valueOf(checkpoint.platform.toUpperCase()), checkpoint.externalPostId, row.checkpoint, row.checkTime,
                row.views, row.likes, row.commentsCount, row.shares, row.saves);
        return metrics.persist(row).chain(() -> outbox.record(row.projectId, event)).replaceWithVoid();
    }
}
