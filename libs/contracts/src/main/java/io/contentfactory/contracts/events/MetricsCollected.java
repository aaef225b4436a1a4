package io.contentfactory.contracts.events;

import java.time.Instant;
import java.util.UUID;

/**
 * One metrics checkpoint of a live post.
 *
 * @param checkpoint one of {@code 15m, 1h, 4h, 24h, 72h, 7d}
 */
public record MetricsCollected(
        UUID postId,
        UUID targetId,
        UUID mediaId,
        Platform platform,
        String externalPostId,
        String checkpoint,
        Instant checkedAt,
        long views,
        long likes,
        long comments,
        long shares,
        long saves)
        implements PipelineEvent {

    public MetricsCollected {
        Required.fields(
                "postId",
                postId,
                "targetId",
                targetId,
                "mediaId",
                mediaId,
                "platform",
                platform,
                "externalPostId",
                externalPostId,
                "checkpoint",
                checkpoint,
                "checkedAt",
                checkedAt);
    }

    @Override
    public String partitionKey(UUID projectId) {
        return postId.toString();
    }
}
