package io.contentfactory.contracts.events;

import java.util.List;
import java.util.UUID;

/** Top-performer patterns were deleted from the project: nothing is compared with them any more. */
public record PatternDeleted(List<UUID> patternIds) implements PipelineEvent {

    public PatternDeleted {
        Required.fields("patternIds", patternIds);
        patternIds = List.copyOf(patternIds);
    }

    @Override
    public String partitionKey(UUID projectId) {
        return projectId.toString();
    }
}
