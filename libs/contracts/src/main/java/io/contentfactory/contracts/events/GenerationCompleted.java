package io.contentfactory.contracts.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A generation's result is with ingest-service: one media item (a reel or an image post) or a carousel's stills in
 * order. Analysis follows from {@code media.ingested} like any upload.
 *
 * @param sourceType {@code prompt}, {@code brief} or {@code plan}
 * @param sourceId   the brief's or plan's id; null for a prompt
 * @param format     {@code reel}, {@code feed_image} or {@code carousel}
 * @param costUsd    what its shots cost at the providers' list prices
 */
public record GenerationCompleted(
        UUID generationId,
        List<UUID> mediaIds,
        String sourceType,
        UUID sourceId,
        String format,
        List<String> platforms,
        boolean autoPost,
        BigDecimal costUsd,
        Instant completedAt)
        implements PipelineEvent {

    public GenerationCompleted {
        Required.fields("generationId", generationId, "mediaIds", mediaIds, "format", format, "costUsd", costUsd);
        mediaIds = List.copyOf(mediaIds);
        platforms = platforms == null ? List.of() : List.copyOf(platforms);
    }

    @Override
    public String partitionKey(UUID projectId) {
        return projectId.toString();
    }
}
