package io.contentfactory.metrics.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A planned metrics check of a published post; the row is also its durable timer. */
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

    @Column(name = "external_post_id")
    public String externalPostId;

    public String checkpoint;

    @Column(name = "fire_at")
    public Instant fireAt;

    @Column(name = "created_at")
    public Instant createdAt;
}
