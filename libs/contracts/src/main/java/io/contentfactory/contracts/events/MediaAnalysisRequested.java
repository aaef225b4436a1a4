package io.contentfactory.contracts.events;

import java.util.UUID;

/**
 * A project asked for a media item to be analysed again, by the analyzer version named (an item analysed before that
 * version was deployed keeps its older analysis until this is asked). analysis-service writes and reads it.
 *
 * @param analyzerVersion the version that is to analyse it, for example {@code local-3}
 */
public record MediaAnalysisRequested(UUID mediaId, String analyzerVersion) implements PipelineEvent {

    public MediaAnalysisRequested {
        Required.fields("mediaId", mediaId, "analyzerVersion", analyzerVersion);
    }

    @Override
    public String partitionKey(UUID projectId) {
        return mediaId.toString();
    }
}
