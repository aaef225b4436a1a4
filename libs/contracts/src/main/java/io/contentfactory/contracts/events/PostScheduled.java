package io.contentfactory.contracts.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A post target got a slot in the plan.
 *
 * @param clientRef the project's own reference of the post ({@code PUT /v1/posts/{clientRef}}), or null
 */
public record PostScheduled(
        UUID postId,
        UUID targetId,
        UUID mediaId,
        Platform platform,
        String accountId,
        PostFormat format,
        Instant scheduledAt,
        String mode,
        String clientRef)
        implements PipelineEvent {

    public PostScheduled {
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
                "scheduledAt",
                scheduledAt,
                "mode",
                mode);
    }

    @Override
    public String partitionKey(UUID projectId) {
        return postId.toString();
    }
}
