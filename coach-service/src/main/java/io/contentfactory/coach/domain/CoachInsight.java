package io.contentfactory.coach.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What the coach concluded about one media item (the seed's {@code ai_coach_insights}): written when one of its
 * posts reaches a coach checkpoint ({@code target_id} and {@code checkpoint} say which), or on demand. The
 * structured advice with its evidence ids is {@code advice}; {@code what_worked} and {@code what_to_change} are its
 * statements as plain lines, the seed's columns.
 */
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

    /** Null when the platform did not report views, and for an insight asked for on demand. */
    public Long views;

    /** Rows written before the evidence-backed coach carry it; newer ones leave it null. */
    @Column(name = "engagement_rate")
    public BigDecimal engagementRate;

    /** The {@link CoachSnapshot}, as JSON. */
    @Column(name = "input_snapshot")
    public String inputSnapshot;

    public String summary;

    @Column(name = "what_worked")
    public String whatWorked;

    @Column(name = "what_to_change")
    public String whatToChange;

    /** The {@link CoachAdvice}, as JSON: every statement with the ids of the snapshot entries it cites. */
    public String advice;

    /** The advice's {@link NextAction}s, as JSON (the seed's {@code next_actions}). */
    @Column(name = "next_actions")
    public String nextActions;

    @Column(name = "insight_trigger")
    public String trigger;

    /** {@code rules}, or {@code model:<name>} for an answer of a language model that passed validation. */
    @Column(name = "generated_by")
    public String generatedBy;

    /** Why a model's answer was set aside for the rules' (null when the model's was kept, or none was asked). */
    @Column(name = "model_rejection")
    public String modelRejection;

    @Column(name = "pre_social_score")
    public BigDecimal preSocialScore;

    @Column(name = "post_social_score_24h")
    public BigDecimal postSocialScore24h;

    @Column(name = "created_at")
    public Instant createdAt;

    /**
     * A new insight on {@code snapshot}'s media; {@code cause} is the reading that triggered it, null on demand. Its
     * JSON columns are left to the store, which encodes {@link #snapshot} and {@link #structured}.
     */
    public static CoachInsight written(
            UUID projectId,
            CoachSnapshot snapshot,
            CoachSnapshot.Reading cause,
            CoachAdvice advice,
            String generatedBy,
            String modelRejection,
            Instant at) {
        CoachInsight insight = new CoachInsight();
        insight.projectId = projectId;
        insight.id = UUID.randomUUID();
        insight.mediaId = snapshot.mediaId();
        insight.trigger = (cause == null ? InsightTrigger.ON_DEMAND : InsightTrigger.CHECKPOINT).wire();
        if (cause != null) {
            insight.postId = cause.metrics().postId();
            insight.targetId = cause.metrics().targetId();
            insight.platform = cause.target();
            insight.checkpoint = cause.metrics().checkpoint();
            insight.views = cause.metrics().views();
        }
        insight.snapshot = snapshot;
        insight.structured = advice;
        insight.summary = advice.summary().text();
        insight.whatWorked = lines(advice.worked());
        insight.whatToChange = lines(advice.toImprove());
        insight.generatedBy = generatedBy;
        insight.modelRejection = modelRejection;
        insight.preSocialScore = snapshot.media() == null
                ? null
                : BigDecimal.valueOf(snapshot.media().preSocialScore());
        insight.postSocialScore24h =
                snapshot.postSocialScoreAt("24h").map(BigDecimal::valueOf).orElse(null);
        insight.createdAt = at;
        return insight;
    }

    /** What {@code input_snapshot} holds, for the store to encode; null on a row read back. */
    @Transient
    public CoachSnapshot snapshot;

    /** What {@code advice} and {@code next_actions} hold, for the store to encode; null on a row read back. */
    @Transient
    public CoachAdvice structured;

    private static String lines(List<Statement> statements) {
        return statements.stream().map(Statement::text).collect(Collectors.joining("\n"));
    }
}
