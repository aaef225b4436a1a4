package io.contentfactory.publisher.domain;

import io.contentfactory.contracts.events.CarouselItem;
import io.contentfactory.contracts.events.MediaType;
import io.contentfactory.contracts.events.PostFormat;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What one publish attempt sends, as the job stored it.
 *
 * @param carousel a carousel's items in order (their URLs already checked); empty for other formats
 *
 * @param caption   the exact caption to send (and that the job records)
 * @param createdAt when the job was created: a post found on the platform from before it is not this job's
 */
public record PublishRequest(
        UUID jobId,
        String accountId,
        PostFormat format,
        MediaType mediaType,
        String mediaUrl,
        String contentType,
        String caption,
        Instant createdAt,
        List<CarouselItem> carousel) {

    public PublishRequest {
        carousel = carousel == null ? List.of() : List.copyOf(carousel);
    }

    /** Every media URL the post sends: the carousel's items, or the one media. */
    public List<String> mediaUrls() {
        return carousel.isEmpty()
                ? List.of(mediaUrl)
                : carousel.stream().map(CarouselItem::mediaUrl).toList();
    }
}
