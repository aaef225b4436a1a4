package io.contentfactory.metrics.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * What a platform (or a person, for a post nobody can measure) reported for a post at one checkpoint: the seed's
 * {@code posting_metrics}. A metric not reported is null.
 */
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

    /** When it was really read. */
    @Column(name = "check_time")
    public Instant checkTime;

    /** When it was due. */
    @Column(name = "due_time")
    public Instant dueTime;

    /** {@code platform}, or {@code manual} for numbers a person read off the app. */
    public String source;

    public Long views;
    public Long reach;
    public Long likes;

    @Column(name = "comments_count")
    public Long commentsCount;

    public Long shares;
    public Long saves;

    @Column(name = "watch_time_ms")
    public Long watchTimeMs;

    @Column(name = "avg_watch_time_ms")
    public Long avgWatchTimeMs;

    public Double ctr;

    @Column(name = "profile_visits")
    public Long profileVisits;

    @Column(name = "follower_delta")
    public Long followerDelta;

    /** Counters below the previous checkpoint's, comma-separated, or null. */
    @Column(name = "dropped_counters")
    public String droppedCounters;

    @Column(name = "post_social_score")
    public Double postSocialScore;

    @Column(name = "score_explanation")
    public String scoreExplanation;

    @Column(name = "raw_payload")
    public String rawPayload;

    public MetricValues values() {
        return new MetricValues(
                views,
                likes,
                commentsCount,
                shares,
                saves,
                reach,
                watchTimeMs,
                avgWatchTimeMs,
                ctr,
                profileVisits,
                followerDelta);
    }

    public void setValues(MetricValues values) {
        views = values.views();
        likes = values.likes();
        commentsCount = values.comments();
        shares = values.shares();
        saves = values.saves();
        reach = values.reach();
        watchTimeMs = values.watchTimeMs();
        avgWatchTimeMs = values.avgWatchTimeMs();
        ctr = values.ctr();
        profileVisits = values.profileVisits();
        followerDelta = values.followerDelta();
    }
}
