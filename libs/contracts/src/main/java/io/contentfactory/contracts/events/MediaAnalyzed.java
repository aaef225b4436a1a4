package io.contentfactory.contracts.events;

import java.util.List;
import java.util.UUID;

/**
 * Analysis of one media item is complete.
 *
 * @param durationSec    null for images
 * @param preSocialScore 0 to 100
 * @param jpegUrl        the JPEG rendition ingest-service made of an image Instagram cannot take as it is (not JPEG,
 *                       too wide or too large), else null: a post to Instagram uses it instead of {@code contentUrl}
 * @param features       what the analysis found (topics, hook, pacing, faces, text, transcript, the score's parts);
 *                       null from an analyzer that predates it
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
        List<String> hashtags,
        String jpegUrl,
        AnalysisFeatures features)
        implements PipelineEvent {

    public MediaAnalyzed {
        Required.fields(
                "mediaId",
                mediaId,
                "analysisId",
                analysisId,
                "mediaType",
                mediaType,
                "contentType",
                contentType,
                "contentUrl",
                contentUrl);
        hashtags = hashtags == null ? List.of() : List.copyOf(hashtags);
    }

    /** An item whose features are not carried. */
    public MediaAnalyzed(
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
            List<String> hashtags,
            String jpegUrl) {
        this(
                mediaId,
                analysisId,
                mediaType,
                contentType,
                durationSec,
                width,
                height,
                preSocialScore,
                contentUrl,
                captionSuggestion,
                hashtags,
                jpegUrl,
                null);
    }

    /** An item without a JPEG rendition. */
    public MediaAnalyzed(
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
            List<String> hashtags) {
        this(
                mediaId,
                analysisId,
                mediaType,
                contentType,
                durationSec,
                width,
                height,
                preSocialScore,
                contentUrl,
                captionSuggestion,
                hashtags,
                null);
    }

    @Override
    public String partitionKey(UUID projectId) {
        return projectId.toString();
    }
}
