package io.contentfactory.publisher.domain;

import io.contentfactory.contracts.EventCodec;
import io.contentfactory.contracts.events.Platform;
import io.contentfactory.contracts.events.PostFailed;
import io.contentfactory.contracts.events.PostFormat;
import io.contentfactory.contracts.events.PostPublished;
import io.contentfactory.contracts.events.PublishError;
import io.contentfactory.kit.db.SafeContext;
import io.contentfactory.kit.outbox.Outbox;
import io.contentfactory.kit.tenancy.TenantScope;
import io.contentfactory.kit.timer.TimerClaim;
import io.contentfactory.kit.timer.TimerLoop;
import io.contentfactory.kit.timer.TimerLoops;
import io.contentfactory.publisher.connections.Connections;
import io.contentfactory.publisher.persistence.PublishJobRepository;
import io.contentfactory.publisher.platform.InstagramClient;
import io.contentfactory.publisher.platform.PublishFailure;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * Runs queued publish jobs through Instagram's container flow: create the container and persist its id before
 * anything else, poll until it is {@code FINISHED}, publish, read the permalink, and only then record the job
 * {@code published} with {@code post.published}. Any failure records the job {@code failed} with a structured
 * error; a retryable failure becomes a new job after a backoff, until the attempts run out, and only the final
 * outcome emits {@code post.published} or {@code post.failed}. The account's token comes from the project's
 * connection; a missing or disabled connection fails the job at once. A job whose runner died is claimed again after its lease and resumes from its
 * stored container instead of creating a second one.
 */
@Startup
@ApplicationScoped
public class PublishRunner {

    private static final Logger LOG = Logger.getLogger(PublishRunner.class);
    private static final int BATCH = 10;

    private final Vertx vertx;
    private final PublishJobRepository jobs;
    private final InstagramClient instagram;
    private final Outbox outbox;
    private final TenantScope tenantScope;
    private final PublisherConfig config;
    private final Connections connections;
    private final TimerLoop loop;

    PublishRunner(Vertx vertx, TimerLoops loops, PublishJobRepository jobs, InstagramClient instagram, Outbox outbox,
            TenantScope tenantScope, PublisherConfig config, Connections connections) {
        this.vertx = vertx;
        this.jobs = jobs;
        this.instagram = instagram;
        this.outbox = outbox;
        this.tenantScope = tenantScope;
        this.config = config;
        this.connections = connections;
        this.loop = loops.start("publisher", "publish_jobs", config.lease(), config.maxSleep(), BATCH, this::run);
    }

    public void wake() {
        loop.wake();
    }

    private Uni<Void> run(TimerClaim claim) {
        return inTransaction(claim, () -> jobs.findInProject(claim.projectId(), claim.id()))
                .chain(job -> inTransaction(claim, () -> connections.accessTokenFor(job.projectId, job.platform, job.accountId))
                        .chain(token -> instagram.publishingQuota(job.accountId, token).chain(quota -> quota.exhausted()
                                ? waitForQuota(claim, job, quota)
                                : execute(job, token).chain(result -> complete(claim, result))))
                        .onFailure().recoverWithUni(failure -> fail(claim, job.id, asPublishError(failure))));
    }

    /** Over the account's 24 h quota the job waits, queued, and looks again later; it does not fail. */
    private Uni<Void> waitForQuota(TimerClaim claim, PublishJob job, InstagramClient.Quota quota) {
        Instant again = Instant.now().plus(config.instagram().quotaRecheck());
        LOG.infof("job %s waits for account %s's publishing quota (%d of %d used); next look at %s", job.id, job.accountId,
                quota.used(), quota.total(), again);
        return loop.timer().postpone(claim, again).replaceWithVoid();
    }

    private Uni<Published> execute(PublishJob job, String token) {
        boolean video = "video".equals(job.mediaType);
        Uni<String> container = job.containerId != null
                ? Uni.createFrom().item(job.containerId)
                : instagram.createContainer(job.accountId, token, video, job.mediaUrl, job.caption)
                        .call(id -> update(job, j -> {
                            j.containerId = id;
                            j.status = "processing";
                        }));
        return container
                .chain(id -> awaitFinished(id, token, config.instagram().pollAttempts())
                        .chain(status -> "PUBLISHED".equals(status) ? reconcile(job, token, id) : publishOnce(job, token, id)))
                .chain(mediaId -> instagram.permalink(mediaId, token)
                        .map(permalink -> new Published(job.id, mediaId, permalink, Instant.now())));
    }

    /**
     * The publish call is never repeated blindly: when its answer does not come, the container's status tells whether
     * the post went out (then it is reconciled) or not (then the job fails, retryable, and a new job starts over).
     */
    private Uni<String> publishOnce(PublishJob job, String token, String containerId) {
        return instagram.publish(job.accountId, token, containerId)
                .onFailure(PublishRunner::ambiguous).recoverWithUni(failure -> instagram.containerStatus(containerId, token)
                        .chain(status -> "PUBLISHED".equals(status)
                                ? reconcile(job, token, containerId)
                                : Uni.createFrom().failure(failure)));
    }

    private static boolean ambiguous(Throwable failure) {
        return failure instanceof PublishFailure publishFailure && "platform_timeout".equals(publishFailure.error().code());
    }

    /**
     * Finds the post a published container became: the account's newest media with exactly the caption this job
     * sent, published after the job was created. Instagram does not link a container to its media.
     */
    private Uni<String> reconcile(PublishJob job, String token, String containerId) {
        return instagram.recentMedia(job.accountId, token).map(media -> media.stream()
                .filter(item -> item.caption().equals(job.caption) && !item.timestamp().isBefore(job.createdAt.minusSeconds(60)))
                .findFirst()
                .map(item -> {
                    LOG.infof("job %s: container %s was published as %s; reconciled", job.id, containerId, item.id());
                    return item.id();
                })
                .orElseThrow(() -> new PublishFailure("publish_unconfirmed", "container " + containerId
                        + " is PUBLISHED but no post of the account matches this job's caption", "publish", false,
                        Map.of("container_id", containerId))));
    }

    /** FINISHED or PUBLISHED; any other end is a failure. */
    private Uni<String> awaitFinished(String containerId, String token, int attemptsLeft) {
        return instagram.containerStatus(containerId, token).chain(status -> switch (status) {
            case "FINISHED", "PUBLISHED" -> Uni.createFrom().item(status);
            case "IN_PROGRESS" -> attemptsLeft <= 1
                    ? Uni.createFrom().failure(new PublishFailure("container_timeout",
                            "container " + containerId + " was still IN_PROGRESS after " + config.instagram().pollAttempts()
                                    + " polls", "poll", true, Map.of("container_id", containerId)))
                    : SafeContext.delay(vertx, config.instagram().pollInterval())
                            .chain(() -> awaitFinished(containerId, token, attemptsLeft - 1));
            default -> Uni.createFrom().failure(new PublishFailure("container_" + status.toLowerCase(),
                    "container " + containerId + " ended in status " + status, "poll", "EXPIRED".equals(status),
                    Map.of("container_id", containerId, "status_code", status)));
        });
    }

    private Uni<Void> complete(TimerClaim claim, Published result) {
        return loop.timer().fireWith(claim, () -> jobs.findInProject(claim.projectId(), result.jobId())
                .chain(job -> {
                    job.status = "published";
                    job.publishedMediaId = result.mediaId();
                    job.permalink = result.permalink();
                    job.publishedAt = result.at();
                    job.updatedAt = result.at();
                    LOG.infof("job %s published as %s", job.id, result.mediaId());
                    return outbox.record(job.projectId, new PostPublished(job.postId, job.targetId, job.mediaId, job.id,
                            Platform.valueOf(job.platform.toUpperCase()), job.accountId, PostFormat.valueOf(job.format.toUpperCase()),
                            result.mediaId(), result.permalink(), job.caption, result.at()));
                })
                .replaceWithVoid());
    }

    private Uni<Void> fail(TimerClaim claim, UUID jobId, PublishError error) {
        LOG.warnf("job %s failed at %s: %s %s", jobId, error.stage(), error.code(), error.message());
        return loop.timer().fireWith(claim, () -> jobs.findInProject(claim.projectId(), jobId)
                .chain(job -> {
                    job.status = "failed";
                    job.errorJson = EventCodec.mapper().valueToTree(error).toString();
                    job.updatedAt = Instant.now();
                    return error.retryable() && job.attempt < config.retry().maxAttempts()
                            ? retryLater(job)
                            : outbox.record(job.projectId, new PostFailed(job.postId, job.targetId, job.mediaId, job.id,
                                    Platform.valueOf(job.platform.toUpperCase()), job.accountId, error)).replaceWithVoid();
                })
                .replaceWithVoid());
    }

    /** A failed job stays failed; the retry is a new queued job, due after the backoff. No event until the outcome. */
    private Uni<Void> retryLater(PublishJob failed) {
        Instant due = Instant.now().plus(config.retry().backoffAfter(failed.attempt));
        LOG.infof("job %s (attempt %d) is retried as a new job at %s", failed.id, failed.attempt, due);
        return jobs.persist(failed.retryAt(due)).replaceWithVoid();
    }

    private Uni<Void> update(PublishJob job, Consumer<PublishJob> change) {
        return Panache.withTransaction(() -> tenantScope.bind(job.projectId)
                .chain(() -> jobs.findInProject(job.projectId, job.id))
                .invoke(stored -> {
                    change.accept(stored);
                    stored.updatedAt = Instant.now();
                    change.accept(job);
                })
                .replaceWithVoid());
    }

    private <T> Uni<T> inTransaction(TimerClaim claim, java.util.function.Supplier<Uni<T>> work) {
        return Panache.withTransaction(() -> tenantScope.bind(claim.projectId()).chain(() -> work.get()));
    }

    private static PublishError asPublishError(Throwable failure) {
        if (failure instanceof PublishFailure publishFailure) {
            return publishFailure.error();
        }
        return new PublishError("internal_error", failure.toString(), "internal", true, Map.of());
    }

    private record Published(UUID jobId, String mediaId, String permalink, Instant at) {
    }
}
