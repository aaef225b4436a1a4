package io.contentfactory.contracts.events;

import java.util.UUID;

/** The coach wrote an insight about a post's performance. */
public record CoachInsightCreated(UUID insightId, UUID mediaId, UUID postId, String checkpoint, String summary)
        implements PipelineEvent {

    public CoachInsightCreated {
        Required.fields("insightId", insightId, "mediaId", mediaId, "checkpoint", checkpoint, "summary", summary);
    }

    @Override
    public String partitionKey(UUID projectId) {
        return projectId.toString();
    }
}
