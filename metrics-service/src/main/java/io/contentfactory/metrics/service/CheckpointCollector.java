package io.contentfactory.metrics.service;

import io.contentfactory.contracts.events.Platform;
import io.contentfactory.kit.tenancy.TenantScope;
import io.contentfactory.kit.timer.DurableTimer;
import io.contentfactory.kit.timer.TimerClaim;
import io.contentfactory.kit.timer.TimerLoop;
import io.contentfactory.kit.timer.TimerLoops;
import io.contentfactory.metrics.clients.ReadTokens;
import io.contentfactory.metrics.clients.ReadTokens.AccountToken;
import io.contentfactory.metrics.config.MetricsConfig;
import io.contentfactory.metrics.domain.Checkpoint;
import io.contentfactory.metrics.domain.CheckpointState;
import io.contentfactory.metrics.domain.ClaimedCheckpoint;
import io.contentfactory.metrics.domain.MetricCheckpoint;
import io.contentfactory.metrics.domain.MetricValues;
import io.contentfactory.metrics.domain.PostSocialScore;
import io.contentfactory.metrics.domain.PostingMetrics;
import io.contentfactory.metrics.domain.Reading;
import io.contentfactory.metrics.domain.RetryPolicy;
import io.contentfactory.metrics.persistence.CheckpointStore;
import io.contentfactory.metrics.platform.InsightsReader;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads each due checkpoint from its platform and ends it, or has it wait:
 * <ul>
 *   <li>numbers read: recorded by {@link MetricsRecorder} with the checkpoint's firing, in one transaction;
 *   <li>data not ready yet, or a failure that may pass (5xx, timeout): asked again with backoff inside
 *       {@link RetryPolicy}'s window, then {@code unavailable} with the reason;
 *   <li>over the platform's budget: asked again when the platform says, never dropped; its lateness is recorded;
 *   <li>a token the platform refused: publisher-service marks the connection {@code needs_reauth}, and the
 *       checkpoint waits until new tokens are patched in;
 *   <li>a permanent error: {@code unavailable} at once; the post deleted or the account disconnected: {@code skipped};
 *       posted by hand on an account with no connection: {@code unmeasurable}.
 * </ul>
 */
@Startup
@ApplicationScoped
public class CheckpointCollector {

    /** How long a checkpoint waits for its post's earlier one before it looks again. */
    static final Duration ORDER_WAIT = Duration.ofMillis(250);

    private final CheckpointStore checkpoints;
    private final MetricsRecorder recorder;
    private final CommentCollector commentCollector;
    private final Map<Platform, InsightsReader> readers = new EnumMap<>(Platform.class);
    private final ReadTokens readTokens;
    private final TenantScope tenancy;
    private final RetryPolicy retry;
    private final TimerLoop loop;

    CheckpointCollector(
            TimerLoops loops,
            CheckpointStore checkpoints,
            MetricsRecorder recorder,
            CommentCollector commentCollector,
            Instance<InsightsReader> readers,
            ReadTokens readTokens,
            TenantScope tenancy,
            MetricsConfig config) {
        this.checkpoints = checkpoints;
        this.recorder = recorder;
        this.commentCollector = commentCollector;
        readers.forEach(reader -> this.readers.put(reader.platform(), reader));
        this.readTokens = readTokens;
        this.tenancy = tenancy;
        MetricsConfig.Retry settings = config.retry();
        this.retry = new RetryPolicy(
                config.minute().multipliedBy(settings.firstBackoffMinutes()),
                config.minute().multipliedBy(settings.maxBackoffMinutes()),
                config.minute().multipliedBy(settings.minWindowMinutes()),
                config.minute().multipliedBy(settings.maxWindowMinutes()));
        this.loop = loops.startReadingWithClaim(
                "metrics-collector",
                "metric_checkpoints",
                config.lease(),
                config.maxSleep(),
                config.batch(),
                config.concurrency(),
                checkpoints.claimView(),
                this::collect);
    }

    /** Called when new checkpoints were planned, which may be due before the loop's next look. */
    @WithSpan("CheckpointCollector.wake")
    public void wake() {
        loop.wake();
    }

    /**
     * Reads one claimed checkpoint, with what its claim read along (see {@link CheckpointStore#claimView}). Up to
     * {@code concurrency} are read at once; a post's own are read in order, so a checkpoint whose post has an earlier
     * one still pending (its claim came in the same batch, or it waits) waits {@link #ORDER_WAIT} and looks again.
     */
    @WithSpan("CheckpointCollector.collect")
    Uni<Void> collect(TimerClaim claim) {
        return Uni.createFrom().item(() -> checkpoints.claimed(claim)).chain(claimed -> {
            if (claimed.checkpoint().state.ended()) {
                return timer().fireWith(claim, () -> Uni.createFrom().voidItem());
            }
            return claimed.afterEarlier() ? afterEarlier(claim) : attempt(claim, claimed);
        });
    }

    private Uni<Void> afterEarlier(TimerClaim claim) {
        Instant at = Instant.now().plus(ORDER_WAIT);
        return timer().rescheduleWith(
                        claim,
                        at,
                        () -> checkpoints
                                .findInProject(claim.projectId(), claim.id())
                                .invoke(checkpoint -> checkpoint.awaitEarlier(at))
                                .replaceWithVoid());
    }

    private Uni<Void> attempt(TimerClaim claim, ClaimedCheckpoint claimed) {
        MetricCheckpoint checkpoint = claimed.checkpoint();
        return readTokens
                .forAccount(checkpoint.projectId, checkpoint.platform, checkpoint.accountId)
                .chain(token -> switch (token) {
                    case AccountToken.Token(String value) ->
                        read(checkpoint, value).chain(reading -> settle(claim, claimed, reading, value));
                    case AccountToken.NoConnection() ->
                        checkpoint.byHand
                                ? end(
                                        claim,
                                        CheckpointState.UNMEASURABLE,
                                        "posted by hand on an account the project has not connected: report its numbers"
                                                + " through POST /v1/posts/{ref}/targets/{targetId}/metrics")
                                : end(claim, CheckpointState.SKIPPED, "the account's connection was removed");
                    case AccountToken.Unusable(String status) ->
                        waitFor(
                                claim,
                                retry.after(checkpoint.attempts + 1, Instant.now()),
                                "the connection is " + status + ": waiting until it is connected again");
                    case AccountToken.Unreachable(String reason) -> retryInWindow(claim, checkpoint, reason);
                });
    }

    private Uni<Reading> read(MetricCheckpoint checkpoint, String token) {
        InsightsReader reader = readers.get(Platform.valueOf(checkpoint.platform.toUpperCase(Locale.ROOT)));
        if (reader == null) {
            return Uni.createFrom()
                    .item(new Reading.Unavailable("no metrics reader for " + checkpoint.platform + " yet"));
        }
        return reader.read(new InsightsReader.PostRead(
                checkpoint.projectId,
                checkpoint.externalPostId,
                checkpoint.format,
                Checkpoint.parse(checkpoint.checkpoint),
                token));
    }

    private Uni<Void> settle(TimerClaim claim, ClaimedCheckpoint claimed, Reading reading, String token) {
        MetricCheckpoint checkpoint = claimed.checkpoint();
        return switch (reading) {
            case Reading.Collected collected -> record(claim, claimed, collected, token);
            case Reading.NotReady(String reason) -> retryInWindow(claim, checkpoint, reason);
            case Reading.Transient(String reason) -> retryInWindow(claim, checkpoint, reason);
            case Reading.Throttled(Instant retryAt, String reason) ->
                waitFor(
                        claim,
                        retryAt != null ? retryAt : retry.after(checkpoint.attempts + 1, Instant.now()),
                        "over the platform's budget (" + reason + ")");
            case Reading.TokenRejected(String reason) ->
                readTokens
                        .rejected(checkpoint.projectId, checkpoint.platform, checkpoint.accountId, reason)
                        .chain(() -> waitFor(
                                claim,
                                retry.after(checkpoint.attempts + 1, Instant.now()),
                                "the platform refused the token (" + reason + "): waiting for new tokens"));
            case Reading.Unavailable(String reason) -> end(claim, CheckpointState.UNAVAILABLE, reason);
            case Reading.Gone(String reason) -> end(claim, CheckpointState.SKIPPED, reason);
        };
    }

    /** Asks again with backoff while the window is open; past it the checkpoint ends unavailable. */
    private Uni<Void> retryInWindow(TimerClaim claim, MetricCheckpoint checkpoint, String reason) {
        return tenancy.transaction(
                        checkpoint.projectId,
                        () -> checkpoints.nextDue(checkpoint.projectId, checkpoint.targetId, checkpoint.dueAt))
                .chain(nextDue -> retry.nextAttempt(checkpoint.dueAt, nextDue, checkpoint.attempts + 1, Instant.now())
                        .map(at -> waitFor(claim, at, reason))
                        .orElseGet(() -> end(
                                claim,
                                CheckpointState.UNAVAILABLE,
                                reason + "; still so when its window closed after " + (checkpoint.attempts + 1)
                                        + " attempts")));
    }

    private Uni<Void> waitFor(TimerClaim claim, Instant at, String reason) {
        return timer().rescheduleWith(
                        claim,
                        at,
                        () -> checkpoints
                                .findInProject(claim.projectId(), claim.id())
                                .invoke(checkpoint -> checkpoint.waitUntil(at, reason))
                                .replaceWithVoid());
    }

    private Uni<Void> end(TimerClaim claim, CheckpointState state, String reason) {
        Instant now = Instant.now();
        return timer().fireWith(
                        claim,
                        () -> checkpoints
                                .findInProject(claim.projectId(), claim.id())
                                .invoke(checkpoint -> checkpoint.end(state, reason, now))
                                .replaceWithVoid());
    }

    /**
     * The numbers, scored against the account's baseline and the prediction as the claim read them, stored with the
     * checkpoint's end and the event in one statement; the post's new comments are read first, with the same token,
     * and stored on their own, and the event carries the target's comments summed up.
     */
    private Uni<Void> record(TimerClaim claim, ClaimedCheckpoint claimed, Reading.Collected collected, String token) {
        Instant readAt = Instant.now();
        MetricCheckpoint checkpoint = claimed.checkpoint();
        MetricValues values = collected.values();
        PostSocialScore score = PostSocialScore.of(
                checkpoint.checkpoint, checkpoint.format, values, claimed.baseline(), claimed.prediction());
        return commentCollector
                .collect(claim.projectId(), checkpoint, token, claimed.comments(), values.comments())
                .chain(look -> commentCollector
                        .summary(claim.projectId(), checkpoint.targetId, look)
                        .chain(comments -> {
                            checkpoint.commentsNote = look.note();
                            PostingMetrics row = recorder.reading(
                                    checkpoint,
                                    values,
                                    collected.rawPayload(),
                                    MetricsRecorder.Source.PLATFORM,
                                    readAt,
                                    score,
                                    claimed.previous());
                            return checkpoints.collected(
                                    claim, checkpoint, row, recorder.collected(checkpoint, row, score, comments));
                        }))
                .replaceWithVoid();
    }

    private DurableTimer timer() {
        return loop.timer();
    }
}
