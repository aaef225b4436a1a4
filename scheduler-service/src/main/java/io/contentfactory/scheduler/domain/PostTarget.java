package io.contentfactory.scheduler.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One platform and account a post goes to, with its slot and publish status. The row is also the durable timer
 * that fires the post: its lease columns are managed by {@link io.contentfactory.kit.timer.DurableTimer} only.
 */
@Entity
@Table(name = "post_targets")
public class PostTarget {
    @Column(name = "project_id", nullable = false)
    public UUID projectId;

    @Id
    public UUID id;

    @Column(name = "post_id")
    public UUID postId;

    @Column(name = "media_id")
    public UUID mediaId;

    public String platform;

    @Column(name = "account_id")
    public String accountId;

    public String format;

    @Column(name = "media_type")
    public String mediaType;

    @Column(name = "media_url")
    public String mediaUrl;

    @Column(name = "content_type")
    public String contentType;
    /** The slot; null while the target is {@code queued} (waiting for the planner). */
    @Column(name = "scheduled_at")
    public Instant scheduledAt;

    @Convert(converter = TargetStatus.Column.class)
    public TargetStatus status;

    @Column(name = "external_post_id")
    public String externalPostId;

    public String permalink;

    @Column(name = "error_json")
    public String errorJson;

    @Column(name = "published_at")
    public Instant publishedAt;

    @Column(name = "fire_at")
    public Instant fireAt;
    /** How long after its slot the target fired (its lateness), set when it fires. */
    @Column(name = "fired_late_ms")
    public Long firedLateMs;

    @Column(name = "created_at")
    public Instant createdAt;
    /** {@code explicit}: the project chose the time and it never moves; {@code planner}: the planner chose it. */
    @Column(name = "slot_source")
    public String slotSource;
    /**
     * For a slot the planner chose with the account's learned hours: {@code exploit} (the best-known hour) or
     * {@code explore} (a Thompson draw moved it); null otherwise.
     */
    @Column(name = "slot_choice")
    public String slotChoice;
    /** The learned model version the slot was chosen with; null without one. */
    @Column(name = "model_version")
    public Integer modelVersion;
    /** When the target started waiting for a slot; equal scores are planned in this order. */
    @Column(name = "queued_at")
    public Instant queuedAt;

    /** A new target of {@code post} waiting for the planner; the caller describes its media. */
    public static PostTarget queued(
            Post post,
            io.contentfactory.contracts.events.Platform platform,
            String accountId,
            io.contentfactory.contracts.events.PostFormat format) {
        PostTarget target = new PostTarget();
        target.projectId = post.projectId;
        target.id = UUID.randomUUID();
        target.postId = post.id;
        target.platform = platform.name().toLowerCase(java.util.Locale.ROOT);
        target.accountId = accountId;
        target.format = format.name().toLowerCase(java.util.Locale.ROOT);
        target.status = TargetStatus.QUEUED;
        target.slotSource = "planner";
        target.createdAt = Instant.now();
        target.queuedAt = target.createdAt;
        return target;
    }

    /**
     * Moves the target to {@code next}, refusing a move its status does not allow (a canceled target never fires, a
     * published one never fails).
     */
    public void moveTo(TargetStatus next) {
        if (!status.mayBecome(next)) {
            throw new IllegalStateException("target " + id + " cannot go from " + status.wire() + " to " + next.wire());
        }
        status = next;
    }

    /** Publishing started; a later status already written (published, failed) is kept. */
    public void publishingStarted() {
        if (status == TargetStatus.DUE) {
            moveTo(TargetStatus.PUBLISHING);
        }
    }

    /** Live on its platform: whatever this target said before, it now says where. */
    public void published(String externalPostId, String permalink, Instant publishedAt) {
        if (status != TargetStatus.PUBLISHED) {
            moveTo(TargetStatus.PUBLISHED);
        }
        this.externalPostId = externalPostId;
        this.permalink = permalink;
        this.publishedAt = publishedAt;
        this.errorJson = null;
    }

    /** A publish attempt failed; a target that is already published stays published. */
    public void failed(String errorJson) {
        if (status != TargetStatus.PUBLISHED) {
            moveTo(TargetStatus.FAILED);
            this.errorJson = errorJson;
        }
    }
}
