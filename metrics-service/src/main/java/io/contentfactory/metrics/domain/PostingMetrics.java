package io.contentfactory.metrics.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** What a platform reported for a post at one checkpoint (the seed's {@code posting_metrics}). */
@Entity
@Table(name = "posting_metrics")
public class PostingMetrics {
    @Column(name = "project_id", nullable = false)
    public UUID projectId;

    @Id
    public UUID id;

    @Column(name = "checkpoint_id")
    public UUID checkpointId;

    @Column(name = "post_id")
    public UUID postId;

    @Column(name = "target_id")
    public UUID targetId;

    @Column(name = "media_id")
    public UUID mediaId;

    public String checkpoint;

    @Column(name = "check_time")
    public Instant checkTime;

    public long views;
    public Long reach;
    public long likes;

    @Column(name = "comments_count")
    public long commentsCount;

    public long shares;
    public long saves;

    @Column(name = "raw_payload")
    public String rawPayload;
}
