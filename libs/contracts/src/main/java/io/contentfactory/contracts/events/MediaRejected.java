package io.contentfactory.contracts.events;

import java.util.UUID;

/**
 * A media item that ingest-service had started to receive ended without becoming media: its bytes were refused, its
 * transfer failed, or they repeated an item the project already has. Nothing will analyse it, so whatever waits for it
 * (a post upserted before its analysis) can stop waiting.
 *
 * @param status      {@code rejected}, {@code failed} or {@code duplicate}
 * @param reason      the code and sentence of what stopped it, for example {@code corrupt_media: ...}
 * @param duplicateOf the item that holds the same bytes, for a duplicate; else null
 */
public record MediaRejected(UUID mediaId, String status, String reason, UUID duplicateOf) implements PipelineEvent {

    public MediaRejected {
        Required.fields("mediaId", mediaId, "status", status, "reason", reason);
    }

    @Override
    public String partitionKey(UUID projectId) {
        return mediaId.toString();
    }
}
