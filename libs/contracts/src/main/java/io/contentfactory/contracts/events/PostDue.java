package io.contentfactory.contracts.events;

import java.time.Instant;
import java.util.UUID;

/** A post target reached its fire time and must be published now (the publisher acts on it). */
public record PostDue(
        UUID postId,
        UUID targetId,
        UUID mediaId,
        Platform platform,
        String accountId,
        PostFormat format,
        MediaType mediaType,
        String mediaUrl,
        String contentType,
        CaptionParts caption,
        Instant scheduledAt) implements PipelineEvent {

    public PostDue {
        Required.fields("postId", postId, "targetId", targetId, "mediaId", mediaId, "platform", platform,
                "accountId", accountId, "format", format, "mediaType", mediaType, "mediaUrl", mediaUrl,
                "contentType", contentType, "scheduledAt", scheduledAt);
        caption = caption == null ? new CaptionParts("", null, null) : caption;
    }

    @Override
    public String partitionKey(UUID projectId) {
        return postId.toString();
    }
}
