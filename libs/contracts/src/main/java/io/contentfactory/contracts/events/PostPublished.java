package io.contentfactory.contracts.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A post is live: the platform confirmed it.
 *
 * @param externalPostId the platform's id of the live post
 * @param permalink      its public URL
 * @param caption        the exact caption that was sent
 */
public record PostPublished(
        UUID postId,
        UUID targetId,
        UUID mediaId,
        UUID jobId,
        Platform platform,
        String accountId,
        PostFormat format,
        String externalPostId,
        String permalink,
        String caption,
        Instant publishedAt)
        implements PipelineEvent {

    public PostPublished {
        Required.fields(
                "postId",
                postId,
                "targetId",
                targetId,
                "mediaId",
                mediaId,
                "jobId",
                jobId,
                "platform",
                platform,
                "accountId",
                accountId,
                "format",
                format,
                "externalPostId",
                externalPostId,
                "publishedAt",
                publishedAt);
    }

    @Override
    public String partitionKey(UUID projectId) {
        return postId.toString();
    }
}
