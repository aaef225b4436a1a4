package io.contentfactory.contracts.events;

import java.util.UUID;

/** A publish attempt failed; {@code error.retryable} says whether another attempt may succeed. */
public record PostFailed(
        UUID postId, UUID targetId, UUID mediaId, UUID jobId, Platform platform, String accountId, PublishError error)
        implements PipelineEvent {

    public PostFailed {
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
                "error",
                error);
    }

    @Override
    public String partitionKey(UUID projectId) {
        return postId.toString();
    }
}
