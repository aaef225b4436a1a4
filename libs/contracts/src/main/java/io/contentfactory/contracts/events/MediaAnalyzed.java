package io.contentfactory.contracts.events;

import java.util.List;
import java.util.UUID;

/**
 * Analysis of one media item is complete.
 *
 * @param durationSec    null for images
 * @param preSocialScore 0 to 100
 */
public record MediaAnalyzed(
        UUID mediaId,
        UUID analysisId,
        MediaType mediaType,
        String contentType,
        Double durationSec,
        int width,
        int height,
        double preSocialScore,
        String contentUrl,
        String captionSuggestion,
        List<String> hashtags) implements PipelineEvent {

    public MediaAnalyzed {
        Required.fields("mediaId", mediaId, "analysisId", analysisId, "mediaType", mediaType,
                "contentType", contentType, "contentUrl", contentUrl);
        hashtags = hashtags == null ? List.of() : List.copyOf(hashtags);
    }

    @Override
    public String partitionKey(UUID projectId) {
        return projectId.toString();
    }
}
