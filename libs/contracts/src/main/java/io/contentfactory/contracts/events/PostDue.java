package io.contentfactory.contracts.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A post target reached its fire time and must be published now (the publisher acts on it).
 *
 * @param carousel for a {@code carousel} target, its 2 to 10 items in order (the first is also the target's media);
 *                 empty otherwise
 */
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
        Instant scheduledAt,
        List<CarouselItem> carousel)
        implements PipelineEvent {

    public PostDue {
        Required.fields(
                "postId",
                postId,
                "targetId",
                targetId,
                "mediaId",
                mediaId,
                "platform",
                platform,
                "accountId",
                accountId,
                "format",
                format,
                "mediaType",
                mediaType,
                "mediaUrl",
                mediaUrl,
                "contentType",
                contentType,
                "scheduledAt",
                scheduledAt);
        caption = caption == null ? new CaptionParts("", null, null) : caption;
        carousel = carousel == null ? List.of() : List.copyOf(carousel);
    }

    /** A target with one media item. */
    public PostDue(
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
            Instant scheduledAt) {
        this(
                postId,
                targetId,
                mediaId,
                platform,
                accountId,
                format,
                mediaType,
                mediaUrl,
                contentType,
                caption,
                scheduledAt,
                List.of());
    }

    @Override
    public String partitionKey(UUID projectId) {
        return postId.toString();
    }
}
