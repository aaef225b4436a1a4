package io.contentfactory.contracts.events;

import java.util.UUID;

/**
 * A media file was stored and registered.
 *
 * @param contentUrl where the bytes can be fetched from ingest-service (the storage owner)
 */
public record MediaIngested(
        UUID mediaId,
        String sourceType,
        String fileName,
        String contentType,
        MediaType mediaType,
        long sizeBytes,
        String sha256,
        String contentUrl) implements PipelineEvent {

    public MediaIngested {
        Required.fields("mediaId", mediaId, "sourceType", sourceType, "fileName", fileName, "contentType", contentType,
                "mediaType", mediaType, "sha256", sha256, "contentUrl", contentUrl);
    }

    @Override
    public String partitionKey(UUID projectId) {
        return mediaId.toString();
    }
}
