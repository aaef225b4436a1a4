package io.contentfactory.coach.domain;

import io.contentfactory.kit.domain.DomainError;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A plan to remake a media item in another format (the seed's {@code derivative_media_plans}): written with an
 * {@code own_top_post} brief, one for each format the coach recommends. It is completed by the media item made from
 * it, which links the derivative to its source.
 */
@Entity
@Table(name = "derivative_media_plans")
public class DerivativePlan {
    @Column(name = "project_id", nullable = false)
    public UUID projectId;

    @Id
    public UUID id;

    @Column(name = "brief_id")
    public UUID briefId;

    @Column(name = "source_media_id")
    public UUID sourceMediaId;

    @Column(name = "format_type")
    @Convert(converter = FormatType.Column.class)
    public FormatType format;

    public String instructions;

    @Column(name = "target_platform")
    public String targetPlatform;

    @Column(name = "estimated_length_sec")
    public Integer estimatedLengthSec;

    @Convert(converter = PlanStatus.Column.class)
    public PlanStatus status;

    /** The media item that completed the plan; null until then. */
    @Column(name = "result_media_id")
    public UUID resultMediaId;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "completed_at")
    public Instant completedAt;

    public static DerivativePlan planned(
            UUID projectId,
            UUID briefId,
            UUID sourceMediaId,
            FormatType format,
            String instructions,
            String targetPlatform,
            Integer estimatedLengthSec,
            Instant at) {
        DerivativePlan plan = new DerivativePlan();
        plan.projectId = projectId;
        plan.id = UUID.randomUUID();
        plan.briefId = briefId;
        plan.sourceMediaId = sourceMediaId;
        plan.format = format;
        plan.instructions = instructions;
        plan.targetPlatform = targetPlatform;
        plan.estimatedLengthSec = estimatedLengthSec;
        plan.status = PlanStatus.PLANNED;
        plan.createdAt = at;
        plan.updatedAt = at;
        return plan;
    }

    /** Someone started making it. */
    public void startProduction(Instant at) {
        moveTo(PlanStatus.IN_PRODUCTION, at);
    }

    /** {@code mediaId} is what it produced. */
    public void complete(UUID mediaId, Instant at) {
        if (mediaId == null) {
            throw new DomainError.Invalid("result_media_required", "a completed plan names the media item it produced");
        }
        moveTo(PlanStatus.COMPLETED, at);
        resultMediaId = mediaId;
        completedAt = at;
    }

    private void moveTo(PlanStatus next, Instant at) {
        if (!status.canMoveTo(next)) {
            throw new DomainError.Conflict(
                    "plan_status_conflict",
                    "derivative plan " + id + " is " + status.wire() + " and cannot move to " + next.wire());
        }
        status = next;
        updatedAt = at;
    }
}
