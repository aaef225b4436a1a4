package io.contentfactory.contracts.events;

import java.util.UUID;

/**
 * A derivative plan was completed by the media item made from it, which now derives from the plan's source.
 *
 * @param resultMediaId the media item made from the plan
 */
public record DerivativePlanCompleted(
        UUID planId, UUID briefId, UUID sourceMediaId, UUID resultMediaId, String formatType) implements PipelineEvent {

    public DerivativePlanCompleted {
        Required.fields("planId", planId, "resultMediaId", resultMediaId, "formatType", formatType);
    }

    @Override
    public String partitionKey(UUID projectId) {
        return projectId.toString();
    }
}
