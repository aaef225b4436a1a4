package io.contentfactory.contracts.events;

import java.util.UUID;

/**
 * The coach wrote a creative brief.
 *
 * @param sourceType {@code own_top_post}, {@code prompt_only} or {@code kalodata_product}
 * @param mediaId    the media item an {@code own_top_post} brief builds on; null otherwise
 */
public record CreativeBriefCreated(UUID briefId, String sourceType, UUID mediaId, String angleName)
        implements PipelineEvent {

    public CreativeBriefCreated {
        Required.fields("briefId", briefId, "sourceType", sourceType, "angleName", angleName);
    }

    @Override
    public String partitionKey(UUID projectId) {
        return projectId.toString();
    }
}
