package io.contentfactory.contracts.events;

import java.util.UUID;

/**
 * The coach planned a derivative of a media item: the same message in another format.
 *
 * @param briefId            the brief it was written with, or null
 * @param formatType         {@code broll_text}, {@code face_cam}, {@code faces_video}, {@code explainer} or
 *                           {@code carousel}
 * @param estimatedLengthSec seconds; null for a carousel
 */
public record DerivativePlanCreated(
        UUID planId,
        UUID briefId,
        UUID sourceMediaId,
        String formatType,
        String targetPlatform,
        Integer estimatedLengthSec)
        implements PipelineEvent {

    public DerivativePlanCreated {
        Required.fields("planId", planId, "formatType", formatType, "targetPlatform", targetPlatform);
    }

    @Override
    public String partitionKey(UUID projectId) {
        return projectId.toString();
    }
}
