package io.contentfactory.publisher.service;

import io.contentfactory.contracts.EventCodec;
import io.contentfactory.contracts.events.PostFailed;
import io.contentfactory.contracts.events.PostPublishing;
import io.contentfactory.contracts.events.PostUnconfirmed;
import io.contentfactory.contracts.events.PublishError;
import io.contentfactory.kit.outbox.Outbox;
import io.contentfactory.kit.tenancy.TenantScope;
import io.contentfactory.kit.timer.TimerClaim;
import io.contentfactory.kit.timer.TimerLoop;
import io.contentfactory.kit.timer.TimerLoops;
import io.contentfactory.publisher.clients.AssetPreflight;
import io.contentfactory.publisher.clients.FreshAssetUrls;
import io.contentfactory.publisher.config.PublisherConfig;
import io.contentfactory.publisher.domain.JobStatus;
import io.contentfactory.publisher.domain.LivePost;
import io.contentfactory.publisher.domain.PublishFailure;
import io.contentfactory.publisher.domain.PublishJob;
import io.contentfactory.publisher.domain.QuotaLedger;
import io.contentfactory.publisher.persistence.PublishJobStore;
import io.contentfactory.publisher.platform.PlatformAdapter;
import io.contentfactory.publisher.platform.PlatformAdapters;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Runs queued publish jobs through their platform's adapter, the same way for every platform: the account's quota
 * is checked (over it, the job waits, queued), the container or upload is started and its id stored before anything
 * else, and the adapter takes it to a live post; only then is the job {@code published} with {@code post.published}.
 * A failure before anything was started records the job {@code failed} with a structured error; a retryable one becomes
 * a new job after a backoff, until the attempts run out. Once a handle is stored, a failure that does not prove
 * nothing went live leaves the outcome unknown: the job reconciles that handle, never starting another one. Only the
 * final outcome emits {@code post.published} or {@code post.failed}. The token comes from the project's connection; a missing or disabled connection fails the
 * job at once. A job whose runner died is claimed again after its lease and resumes from its stored id instead of
 * starting a second post.
 *
 * <p>Jobs run concurrently (up to {@code factory.publisher.max-in-flight}); a job that polls waits on timers, not
 * on a thread.
 */
@Startup
@ApplicationScoped
public class PublishRunner {

    private static final Logger LOG = Logger.getLogger(PublishRunner.class);

    private final PublishJobStore jobs;
    private final PlatformAdapters adapters;
    private final Outbox outbox;
    private final TenantScope tenantScope;
    private final PublisherConfig config;
    private final ConnectionService connections;
    private final AssetPreflight preflight;
    private final FreshAssetUrls freshUrls;
    private final TimerLoop loop;

    PublishRunner(
            TimerLoops loops,
            PublishJobStore jobs,
            PlatformAdapters adapters,
            Outbox outbox,
            TenantScope tenantScope,
            PublisherConfig config,
            ConnectionService connections,
            AssetPreflight preflight,
            FreshAssetUrls freshUrls) {
        this.preflight = preflight;
        this.freshUrls = freshUrls;
        this.jobs = jobs;
        this.adapters = adapters;
        this.outbox = outbox;
        this.tenantScope = tenantScope;
        this.config = config;
        this.connections = connections;
        this.loop = loops.startReadingWithClaim(
                "publisher",
                "publish_jobs",
                config.lease(),
                config.maxSleep(),
                config.batchSize(),
                config.maxInFlight(),
                jobs.jobAndConnectionOfClaim(),
                this::run);
    }

    public void wake() {
        loop.wake();
    }

    /** The claimed job and its account's connection, which the claim read along (see {@link PublishJobStore#jobAndConnectionOfClaim}). */
    private Uni<Void> run(TimerClaim claim) {
        return Uni.createFrom()
                .item(() -> jobs.claimed(claim))
                .chain(claimed -> {
                    PublishJob job = claimed.job();
                    String token = connections.usableToken(claimed.connection(), job.platform, job.accountId);
                    return job.containerId == null ? startFresh(claim, job, token) : resume(claim, job, token);
                })
                .onFailure()
                .recoverWithUni(failure -> fail(claim, claim.id(), asPublishError(failure)));
    }

    /**
     * The media is checked first (our storage still has it, with the right type); then, over the account's quota,
     * the job waits, queued, and looks again later: it does not fail.
     */
    private Uni<Void> startFresh(TimerClaim claim, PublishJob job, String token) {
        PlatformAdapter adapter = adapters.of(job.platform);
        return freshUrls
                .of(job.request())
                .chain(request -> preflight
                        .check(request)
                        .chain(() -> adapter.quotaWait(request, token, ledger(job)))
                        .chain(wait -> {
                            if (wait.isPresent()) {
                                LOG.infof(
                                        "job %s waits for account %s's %s quota until %s",
                                        job.id, job.accountId, job.platform, wait.get());
                                return loop.timer()
                                        .postpone(claim, wait.get())
                                        .invoke(loop::wake)
                                        .replaceWithVoid();
                            }
                            return adapter.start(request, token)
                                    .chain(handle -> recordStart(claim, job, handle)
                                            .chain(stored -> stored
                                                    ? proceed(claim, job, token, handle)
                                                    : leaseLost(job, handle)));
                        }));
    }

    /**
     * A job with a stored container or upload goes on from it: the adapter finds out where the platform is. A job
     * reconciling an unknown outcome comes here too, at each of its backoff's turns.
     */
    private Uni<Void> resume(TimerClaim claim, PublishJob job, String token) {
        LOG.infof("job %s resumes from its stored %s handle (%s)", job.id, job.platform, job.status);
        return proceed(claim, job, token, job.containerId);
    }

    /**
     * Takes a started handle to a live post. From here on a new job (a new container, upload or submission) could
     * post twice, so a failure ends the job failed only when it proves that nothing went live from this handle or
     * when no retry could cure it; any other failure leaves the outcome unknown, and the job reconciles this handle.
     */
    private Uni<Void> proceed(TimerClaim claim, PublishJob job, String token, String handle) {
        return adapters.of(job.platform)
                .complete(job.request(), token, handle)
                .chain(live -> complete(claim, job, live))
                .onFailure(PublishRunner::leavesOutcomeUnknown)
                .recoverWithUni(failure -> unconfirmed(claim, job, handle, asPublishError(failure)));
    }

    private static boolean leavesOutcomeUnknown(Throwable failure) {
        if (!(failure instanceof PublishFailure publishFailure)) {
            return true;
        }
        return switch (publishFailure.evidence()) {
            case OUTCOME_UNKNOWN -> true;
            case NOTHING_LIVE -> false;
            case NONE -> publishFailure.error().retryable();
        };
    }

    /**
     * The started post's fate is unknown: the job is {@code reconciling} (with {@code post.unconfirmed} the first
     * time) and is asked after again with a backoff; once the reconciliation window is over, it needs a decision.
     */
    private Uni<Void> unconfirmed(TimerClaim claim, PublishJob job, String handle, PublishError reason) {
        Instant now = Instant.now();
        Instant since = job.unconfirmedSince != null ? job.unconfirmedSince : now;
        if (!now.isBefore(since.plus(config.reconcile().window()))) {
            return needsDecision(claim, job, handle, reason, since);
        }
        Instant next = now.plus(config.reconcile().backoffAfter(job.reconcileAttempts));
        LOG.warnf(
                "job %s: the outcome of %s handle %s is unknown (%s %s); it is asked after again at %s, never restarted",
                job.id, job.platform, handle, reason.code(), reason.message(), next);
        return loop.timer()
                .rescheduleWith(
                        claim,
                        next,
                        () -> jobs.findInProject(job.projectId, job.id).chain(row -> {
                            boolean first = row.unconfirmedSince == null;
                            row.markReconciling(
                                    since,
                                    EventCodec.mapper().valueToTree(reason).toString(),
                                    now);
                            return first
                                    ? outbox.record(job.projectId, unconfirmedEvent(row, handle, reason, false))
                                            .replaceWithVoid()
                                    : Uni.createFrom().voidItem();
                        }))
                .invoke(loop::wake);
    }

    /** The reconciliation window ended without an answer: a person must check the platform and decide. */
    private Uni<Void> needsDecision(
            TimerClaim claim, PublishJob job, String handle, PublishError reason, Instant since) {
        LOG.warnf(
                "job %s: no answer about %s handle %s since %s; it waits for a person's decision",
                job.id, job.platform, handle, since);
        return loop.timer()
                .fireWith(
                        claim,
                        () -> jobs.findInProject(job.projectId, job.id).chain(row -> {
                            row.markNeedsDecision(
                                    since,
                                    EventCodec.mapper().valueToTree(reason).toString(),
                                    Instant.now());
                            return outbox.record(job.projectId, unconfirmedEvent(row, handle, reason, true))
                                    .replaceWithVoid();
                        }))
                .invoke(loop::wake);
    }

    private static PostUnconfirmed unconfirmedEvent(
            PublishJob job, String handle, PublishError reason, boolean needsDecision) {
        return new PostUnconfirmed(
                job.postId,
                job.targetId,
                job.id,
                job.platformEnum(),
                job.accountId,
                handle,
                reason,
                needsDecision,
                job.unconfirmedSince);
    }

    /**
     * The handle is stored before polling, and {@code post.publishing} says the post has started on its platform;
     * false if this runner's lease ran out and another may own the job now.
     */
    private Uni<Boolean> recordStart(TimerClaim claim, PublishJob job, String handle) {
        Instant at = Instant.now();
        return jobs.started(
                claim,
                handle,
                at,
                outbox.pending(
                        job.projectId,
                        new PostPublishing(job.postId, job.targetId, job.id, job.platformEnum(), job.accountId, at)));
    }

    /**
     * A runner whose lease ran out while it started the post stops: the job's new owner decides, and its stored handle
     * is the only one that is published. What this runner started on the platform is never published and expires.
     */
    private Uni<Void> leaseLost(PublishJob job, String handle) {
        LOG.warnf(
                "job %s: the lease ran out while %s handle %s was started; left to the job's new owner",
                job.id, job.platform, handle);
        return Uni.createFrom().voidItem();
    }

    /** What this job's account started on its platform: the count that TikTok's and YouTube's quotas are kept by. */
    private QuotaLedger ledger(PublishJob job) {
        return since ->
                inTransaction(job.projectId, () -> jobs.startsSince(job.projectId, job.platform, job.accountId, since));
    }

    private Uni<Void> complete(TimerClaim claim, PublishJob job, LivePost live) {
        Instant at = Instant.now();
        return jobs.published(claim, live, at, outbox.pending(job.projectId, job.publishedEvent(live, at)))
                .invoke(published -> {
                    if (published) {
                        LOG.infof("job %s published on %s as %s", job.id, job.platform, live.externalId());
                    } else {
                        LOG.warnf(
                                "job %s was published on %s as %s after its lease ran out; its new owner reconciles it",
                                job.id, job.platform, live.externalId());
                    }
                })
                .replaceWithVoid();
    }

    private Uni<Void> fail(TimerClaim claim, UUID jobId, PublishError error) {
        LOG.warnf("job %s failed at %s: %s %s", jobId, error.stage(), error.code(), error.message());
        return loop.timer()
                .fireWith(
                        claim,
                        () -> jobs.findInProject(claim.projectId(), jobId)
                                .chain(job -> {
                                    job.moveTo(JobStatus.FAILED);
                                    job.errorJson = EventCodec.mapper()
                                            .valueToTree(error)
                                            .toString();
                                    job.updatedAt = Instant.now();
                                    return error.retryable()
                                                    && job.attempt
                                                            < config.retry().maxAttempts()
                                            ? retryLater(job)
                                            : outbox.record(
                                                            job.projectId,
                                                            new PostFailed(
                                                                    job.postId,
                                                                    job.targetId,
                                                                    job.mediaId,
                                                                    job.id,
                                                                    job.platformEnum(),
                                                                    job.accountId,
                                                                    error))
                                                    .replaceWithVoid();
                                })
                                .replaceWithVoid())
                .invoke(loop::wake);
    }

    /** A failed job stays failed; the retry is a new queued job, due after the backoff. No event until the outcome. */
    private Uni<Void> retryLater(PublishJob failed) {
        Instant due = Instant.now().plus(config.retry().backoffAfter(failed.attempt));
        LOG.infof("job %s (attempt %d) is retried as a new job at %s", failed.id, failed.attempt, due);
        // The failed row is written before the new one: a target has at most one job in flight (a unique index).
        return Panache.getSession()
                .chain(session -> session.flush())
                .chain(() -> jobs.persist(failed.retryAt(due)))
                .replaceWithVoid();
    }

    private <T> Uni<T> inTransaction(UUID projectId, Supplier<Uni<T>> work) {
        return Panache.withTransaction(() -> tenantScope.bind(projectId).chain(work::get));
    }

    private static PublishError asPublishError(Throwable failure) {
        if (failure instanceof PublishFailure publishFailure) {
            return publishFailure.error();
        }
        return new PublishError("internal_error", failure.toString(), "internal", true, Map.of());
    }
}
