package io.contentfactory.contracts.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A publish whose outcome is unknown: a call may have taken effect on the platform without answering. The job never
 * starts the post again; it reconciles the started {@code handle} over a bounded window. {@code needsDecision} is true
 * once that window ended without an answer: a person must check the platform.
 */
public record PostUnconfirmed(
        UUID postId,
        UUID targetId,
        UUID jobId,
        Platform platform,
        String accountId,
        String handle,
        PublishError reason,
        boolean needsDecision,
        Instant since)
        implements PipelineEvent {

    public PostUnconfirmed {
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
                "handle",
                handle,
                "reason",
                reason,
                "since",
                since);
    }

    @Override
    public String partitionKey(UUID projectId) {
        return postId.toString();
    }
}
