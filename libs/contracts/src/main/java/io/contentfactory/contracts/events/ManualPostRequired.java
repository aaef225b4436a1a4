package io.contentfactory.contracts.events;

import java.time.Instant;
import java.util.UUID;

/** A manual-mode post is due: a person must post it. Carries everything they need. */
public record ManualPostRequired(
        UUID postId,
        UUID targetId,
        UUID mediaId,
        Platform platform,
        String accountId,
        String mediaUrl,
        String caption,
        Instant dueAt)
        implements PipelineEvent {

    public ManualPostRequired {
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
                "mediaUrl",
                mediaUrl,
                "dueAt",
                dueAt);
    }

    @Override
    public String partitionKey(UUID projectId) {
        return postId.toString();
    }
}
