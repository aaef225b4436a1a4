package io.contentfactory.contracts.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A generation ended without a result: a shot no model could make, or an assembly or hand-off that failed for good.
 *
 * @param costUsd what the shots already made cost
 */
public record GenerationFailed(
        UUID generationId,
        String sourceType,
        UUID sourceId,
        GenerationError error,
        BigDecimal costUsd,
        Instant failedAt)
        implements PipelineEvent {

    public GenerationFailed {
        Required.fields("generationId", generationId, "error", error, "costUsd", costUsd);
    }

    @Override
    public String partitionKey(UUID projectId) {
        return projectId.toString();
    }
}
