package io.contentfactory.coach.api;

import io.contentfactory.coach.domain.DerivativePlan;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A derivative-media plan: the seed's {@code derivative_media_plans} in this API's camelCase ({@code format_type} is
 * {@code formatType}, {@code target_platform} {@code targetPlatform}, {@code estimated_length_sec} {@code
 * estimatedLengthSec}, {@code brief_id} {@code briefId}, {@code source_media_id} {@code sourceMediaId}), plus the media
 * item that completed it.
 */
@Schema(name = "DerivativePlan")
public record DerivativePlanView(
        UUID id,
        UUID briefId,
        UUID sourceMediaId,

        @Schema(enumeration = {"broll_text", "face_cam", "faces_video", "explainer", "carousel"})
        String formatType,

        String instructions,
        String targetPlatform,

        @Schema(description = "Seconds; null for a carousel")
        Integer estimatedLengthSec,

        @Schema(enumeration = {"planned", "in_production", "completed"})
        String status,

        @Schema(description = "The media item made from the plan; null until it is completed")
        UUID resultMediaId,

        Instant createdAt,
        Instant updatedAt,
        Instant completedAt) {

    static DerivativePlanView of(DerivativePlan plan) {
        return new DerivativePlanView(
                plan.id,
                plan.briefId,
                plan.sourceMediaId,
                plan.format.wire(),
                plan.instructions,
                plan.targetPlatform,
                plan.estimatedLengthSec,
                plan.status.wire(),
                plan.resultMediaId,
                plan.createdAt,
                plan.updatedAt,
                plan.completedAt);
    }
}
