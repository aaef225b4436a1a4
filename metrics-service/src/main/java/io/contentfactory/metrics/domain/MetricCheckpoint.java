package io.contentfactory.metrics.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A planned metrics check of a published post; the row is also its durable timer ({@code fire_at} moves when an
 * attempt has to wait, {@code due_at} does not). It stays pending until it ends, with its reason, in one of
 * {@link CheckpointState}'s endings.
 */
@Entity
@Table(name = "metric_checkpoints")
public class MetricCheckpoint {
    @Column(name = "project_id", nullable = false)
    public UUID projectId;

    @Id
    public UUID id;

    @Column(name = "post_id")
    public UUID postId;

    @Column(name = "target_id")
    public UUID targetId;

    @Column(name = "media_id")
    public UUID mediaId;

    public String platform;

    @Column(name = "account_id")
    public String accountId;

    /** The post's format ({@code feed_image}, {@code reel}, …): which metrics the platform reports depends on it. */
    public String format;

    /** Posted by a person ({@code mark-posted}): without a connection for its account, nobody can measure it. */
    @Column(name = "by_hand")
    public boolean byHand;

    @Column(name = "external_post_id")
    public String externalPostId;

    public String checkpoint;

    /** When the checkpoint is due: publish time plus its offset. */
    @Column(name = "due_at")
    public Instant dueAt;

    /** When it is claimed next. */
    @Column(name = "fire_at")
    public Instant fireAt;

    @Convert(converter = CheckpointState.Column.class)
    public CheckpointState state = CheckpointState.PENDING;

    /** Why it ended as it did, or why it waits. */
    public String reason;

    /** Attempts so far that did not end it. */
    public int attempts;

    @Column(name = "late_ms")
    public Long lateMs;

    @Column(name = "created_at")
    public Instant createdAt;

    /** What the last look at the target's comments came to, at this checkpoint; null before one. */
    @Column(name = "comments_note")
    public String commentsNote;

    /** Ends the checkpoint in {@code next} with {@code why}; an ended checkpoint refuses to move again. */
    public void end(CheckpointState next, String why, Instant at) {
        if (!state.canMoveTo(next)) {
            throw new IllegalStateException(
                    "checkpoint " + id + " is " + state.wire() + "; it cannot become " + next.wire());
        }
        state = next;
        reason = why;
        lateMs = Math.max(0, Duration.between(dueAt, at).toMillis());
    }

    /**
     * An earlier checkpoint of the same post is still being read: this one waits until {@code at}, without it counting
     * as an attempt, so that a post's checkpoints are read in order.
     */
    public void awaitEarlier(Instant at) {
        if (state.ended()) {
            throw new IllegalStateException("checkpoint " + id + " ended " + state.wire());
        }
        fireAt = at;
        reason = "waiting for the post's earlier checkpoint to be read first";
    }

    /** Another attempt did not end it: it waits until {@code retryAt}, for {@code why}. */
    public void waitUntil(Instant retryAt, String why) {
        if (state.ended()) {
            throw new IllegalStateException("checkpoint " + id + " ended " + state.wire());
        }
        attempts++;
        fireAt = retryAt;
        reason = why;
    }
}
