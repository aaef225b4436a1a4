package io.contentfactory.publisher.platform;

import io.contentfactory.contracts.events.MediaType;
import io.contentfactory.contracts.events.PostFormat;
import java.time.Instant;
import java.util.UUID;

/**
 * What one publish attempt sends, as the job stored it.
 *
 * @param caption   the exact caption to send (and that the job records)
 * @param createdAt when the job was created: a post found on the platform from before it is not this job's
 */
public record PublishRequest(UUID jobId, String accountId, PostFormat format, MediaType mediaType, String mediaUrl,
        String contentType, String caption, Instant createdAt) {
}
