package io.contentfactory.coach.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** What the coach concluded about one post at one checkpoint (the seed's {@code ai_coach_insights}). */
@Entity
@Table(name = "ai_coach_insights")
public class CoachInsight {
    @Column(name = "project_id", nullable = false)
    public UUID projectId;

    @Id
    public UUID id;

    @Column(name = "media_id")
    public UUID mediaId;

    @Column(name = "post_id")
    public UUID postId;

    @Column(name = "target_id")
    public UUID targetId;

    public String platform;
    public String checkpoint;
    /** Null when the platform did not report views. */
    public Long views;

    @Column(name = "engagement_rate")
    public BigDecimal engagementRate;

    @Column(name = "input_snapshot")
    public String inputSnapshot;

    public String summary;

    @Column(name = "what_worked")
    public String whatWorked;

    @Column(name = "what_to_change")
    public String whatToChange;

    @Column(name = "created_at")
    public Instant createdAt;
}
