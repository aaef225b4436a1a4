package io.contentfactory.contracts.events;

import java.util.UUID;

/**
 * How far the analysis of one media item has come, for ingest-service to show on the item.
 *
 * @param status  {@code analyzing}, {@code retrying}, {@code analyzed} or {@code analysis_failed}
 * @param stage   {@code fetching}, {@code frames}, {@code sound}, {@code words}, {@code done}
 * @param percent 0 to 100
 * @param reason  why it is retrying or failed, else null
 */
public record MediaAnalysisProgressed(UUID mediaId, String status, String stage, int percent, String reason)
        implements PipelineEvent {

    public MediaAnalysisProgressed {
        Required.fields("mediaId", mediaId, "status", status, "stage", stage);
    }

    @Override
    public String partitionKey(UUID projectId) {
        return mediaId.toString();
    }
}
