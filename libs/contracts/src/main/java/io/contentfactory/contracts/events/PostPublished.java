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

    /** The job id a post published by hand ({@code mark-posted}) carries: no publish job ran, so it is named. */
    public static UUID manualJobId(UUID targetId) {
        return UUID.nameUUIDFromBytes(("manual:" + targetId).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Whether a person posted it and told us through {@code mark-posted}. */
    public boolean postedByHand() {
        return jobId.equals(manualJobId(targetId));
    }

    @Override
    public String partitionKey(UUID projectId) {
        return postId.toString();
    }
}
