package io.contentfactory.contracts.events;

import java.util.List;
import java.util.UUID;

/**
 * The coach wrote an insight about a media item.
 *
 * @param postId      the post whose checkpoint triggered it; null for one asked for on demand
 * @param checkpoint  that checkpoint; null for one asked for on demand
 * @param evidence    the ids of the input-snapshot entries the summary cites
 * @param generatedBy {@code rules}, or {@code model:<name>}
 */
public record CoachInsightCreated(
        UUID insightId,
        UUID mediaId,
        UUID postId,
        String checkpoint,
        String summary,
        List<String> evidence,
        String generatedBy)
        implements PipelineEvent {

    public CoachInsightCreated {
        Required.fields("insightId", insightId, "mediaId", mediaId, "summary", summary);
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    @Override
    public String partitionKey(UUID projectId) {
        return projectId.toString();
    }
}
