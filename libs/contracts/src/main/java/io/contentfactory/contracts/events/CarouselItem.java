package io.contentfactory.contracts.events;

import java.util.UUID;

/** One item of a carousel post, in order: a JPEG image or a video, at one of our storage's asset URLs. */
public record CarouselItem(UUID mediaId, MediaType mediaType, String mediaUrl, String contentType) {
    public CarouselItem {
        Required.fields("mediaId", mediaId, "mediaType", mediaType, "mediaUrl", mediaUrl, "contentType", contentType);
    }
}
