package io.contentfactory.contracts.events;

import java.time.Instant;
import java.util.UUID;

/**
 * The publisher started a post on its platform: the container or upload exists and its id is stored. From here the
 * post is either published or failed; the scheduler shows the target as {@code publishing}.
 */
public record PostPublishing(
        UUID postId, UUID targetId, UUID jobId, Platform platform, String accountId, Instant startedAt)
        implements PipelineEvent {

    public PostPublishing {
        Required.fields(
                "postId",
                postId,
                "targetId",
                targetId,
                "jobId",
                jobId,
                "platform",
                platform,
                "accountId",
                accountId,
                "startedAt",
                startedAt);
    }

    @Override
    public String partitionKey(UUID projectId) {
        return postId.toString();
    }
}
