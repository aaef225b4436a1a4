package io.contentfactory.publisher.domain;

import io.contentfactory.contracts.events.CaptionParts;
import io.contentfactory.contracts.events.CarouselItem;
import io.contentfactory.contracts.events.MediaType;
import io.contentfactory.contracts.events.Platform;
import io.contentfactory.contracts.events.PostDue;
import io.contentfactory.contracts.events.PostFormat;
import java.util.List;
import java.util.UUID;

/** One post target to publish, from a {@code post.due} event or straight from the API. */
public record PublishOrder(
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
        List<CarouselItem> carousel) {

    public PublishOrder {
        carousel = carousel == null ? List.of() : List.copyOf(carousel);
    }

    public static PublishOrder of(PostDue due) {
        return new PublishOrder(
                due.postId(),
                due.targetId(),
                due.mediaId(),
                due.platform(),
                due.accountId(),
                due.format(),
                due.mediaType(),
                due.mediaUrl(),
                due.contentType(),
                due.caption(),
                due.carousel());
    }
}
