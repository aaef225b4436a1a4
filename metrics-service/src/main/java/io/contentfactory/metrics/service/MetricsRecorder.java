package io.contentfactory.metrics.service;

import io.contentfactory.contracts.events.MetricsCollected;
import io.contentfactory.contracts.events.Platform;
import io.contentfactory.contracts.events.PostFormat;
import io.contentfactory.kit.outbox.Outbox;
import io.contentfactory.metrics.domain.CheckpointState;
import io.contentfactory.metrics.domain.CounterGrowth;
import io.contentfactory.metrics.domain.MetricCheckpoint;
import io.contentfactory.metrics.domain.MetricValues;
import io.contentfactory.metrics.domain.PostSocialScore;
import io.contentfactory.metrics.domain.PostingMetrics;
import io.contentfactory.metrics.persistence.MediaPredictionStore;
import io.contentfactory.metrics.persistence.PostingMetricsStore;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Records what was read at a checkpoint, from the platform or from a person: the score against the account's baseline
 * and the prediction ({@link #score}, read before the transaction), then in the caller's transaction the
 * {@code posting_metrics} row with its dropped counters, the checkpoint's end and {@code metrics.collected}.
 */
@ApplicationScoped
public class MetricsRecorder {

    /** Where the numbers came from: the values of {@code posting_metrics.source}. */
    public enum Source {
        PLATFORM,
        MANUAL;

        String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final PostingMetricsStore metrics;
    private final MediaPredictionStore predictions;
    private final Outbox outbox;

    MetricsRecorder(PostingMetricsStore metrics, MediaPredictionStore predictions, Outbox outbox) {
        this.metrics = metrics;
        this.predictions = predictions;
        this.outbox = outbox;
    }

    /** The post-social score of {@code values} at {@code checkpoint}; its reads run in short transactions of their own. */
    public Uni<PostSocialScore> score(MetricCheckpoint checkpoint, MetricValues values) {
        return metrics.baseline(checkpoint)
                .chain(baseline -> predictions
                        .of(checkpoint.projectId, checkpoint.mediaId)
                        .map(prediction -> PostSocialScore.of(
                                checkpoint.checkpoint, checkpoint.format, values, baseline, prediction)));
    }

    /**
     * Call inside a transaction bound to the checkpoint's project, with the managed checkpoint; reads the target's
     * previous numbers for the growth check. Answers the row.
     */
    public Uni<PostingMetrics> record(
            MetricCheckpoint checkpoint,
            MetricValues values,
            String rawPayload,
            Source source,
            Instant readAt,
            PostSocialScore score,
            MetricsCollected.CommentSummary comments) {
        return metrics.previous(checkpoint)
                .chain(previous -> record(
                        checkpoint,
                        values,
                        rawPayload,
                        source,
                        readAt,
                        score,
                        comments,
                        previous == null ? null : previous.values()));
    }

    private Uni<PostingMetrics> record(
            MetricCheckpoint checkpoint,
            MetricValues values,
            String rawPayload,
            Source source,
            Instant readAt,
            PostSocialScore score,
            MetricsCollected.CommentSummary comments,
            MetricValues previous) {
        PostingMetrics row = reading(checkpoint, values, rawPayload, source, readAt, score, previous);
        return metrics.persist(row)
                .chain(() -> outbox.record(row.projectId, event(checkpoint, row, score, comments)))
                .replaceWith(row);
    }

    /**
     * Ends {@code checkpoint} collected at {@code readAt} and answers its {@code posting_metrics} row, its counters
     * checked against the target's {@code previous} numbers (null: none); for a caller that writes both itself.
     */
    public PostingMetrics reading(
            MetricCheckpoint checkpoint,
            MetricValues values,
            String rawPayload,
            Source source,
            Instant readAt,
            PostSocialScore score,
            MetricValues previous) {
        checkpoint.end(CheckpointState.COLLECTED, source == Source.MANUAL ? "reported by hand" : null, readAt);
        PostingMetrics row = row(checkpoint, values, rawPayload, source, readAt, score);
        List<String> dropped = CounterGrowth.dropped(previous, values);
        row.droppedCounters = dropped.isEmpty() ? null : String.join(",", dropped);
        return row;
    }

    /** The {@code metrics.collected} event of {@code row}, in its outbox row's form. */
    public Outbox.Pending collected(
            MetricCheckpoint checkpoint,
            PostingMetrics row,
            PostSocialScore score,
            MetricsCollected.CommentSummary comments) {
        return outbox.pending(row.projectId, event(checkpoint, row, score, comments));
    }

    private static PostingMetrics row(
            MetricCheckpoint checkpoint,
            MetricValues values,
            String rawPayload,
            Source source,
            Instant readAt,
            PostSocialScore score) {
        PostingMetrics row = new PostingMetrics();
        row.projectId = checkpoint.projectId;
        row.id = UUID.randomUUID();
        row.checkpointId = checkpoint.id;
        row.postId = checkpoint.postId;
        row.targetId = checkpoint.targetId;
        row.mediaId = checkpoint.mediaId;
        row.checkpoint = checkpoint.checkpoint;
        row.checkTime = readAt;
        row.dueTime = checkpoint.dueAt;
        row.source = source.wire();
        row.setValues(values);
        row.postSocialScore = score.score();
        row.scoreExplanation = score.explanation();
        row.rawPayload = rawPayload;
        return row;
    }

    private static MetricsCollected event(
            MetricCheckpoint checkpoint,
            PostingMetrics row,
            PostSocialScore score,
            MetricsCollected.CommentSummary comments) {
        return new MetricsCollected(
                row.postId,
                row.targetId,
                row.mediaId,
                Platform.valueOf(checkpoint.platform.toUpperCase(Locale.ROOT)),
                checkpoint.externalPostId,
                row.checkpoint,
                row.checkTime,
                row.views,
                row.likes,
                row.commentsCount,
                row.shares,
                row.saves,
                row.reach,
                row.watchTimeMs,
                row.avgWatchTimeMs,
                row.profileVisits,
                row.followerDelta,
                row.dueTime,
                PostFormat.valueOf(checkpoint.format.toUpperCase(Locale.ROOT)),
                Optional.ofNullable(row.droppedCounters)
                        .map(names -> List.of(names.split(",")))
                        .orElse(List.of()),
                row.postSocialScore,
                row.scoreExplanation,
                score.baseline() == null
                        ? null
                        : new MetricsCollected.AccountBaseline(
                                score.metric(),
                                score.baseline().median(),
                                score.baseline().posts()),
                comments);
    }
}
