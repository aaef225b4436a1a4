package io.contentfactory.scheduler.domain;

import jakarta.persistence.Column;
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
    @Column(name = "scheduled_at")
    public Instant scheduledAt;
    public String status;
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
}
