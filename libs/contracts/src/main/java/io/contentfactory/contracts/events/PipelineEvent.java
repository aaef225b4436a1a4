package io.contentfactory.contracts.events;

import java.util.UUID;

/** The data of one pipeline event. The closed set of events is the pipeline's whole public contract. */
public sealed interface PipelineEvent
        permits ProjectCreated,
                MediaIngested,
                MediaAnalyzed,
                MediaAnalysisProgressed,
                MediaAnalysisRequested,
                MediaRejected,
                PostScheduled,
                PostDue,
                PostPublishing,
                PostPublished,
                PostFailed,
                ModelUpdated,
                PostUnconfirmed,
                ManualPostRequired,
                MetricsCollected,
                CoachInsightCreated,
                CreativeBriefCreated,
                DerivativePlanCreated,
                DerivativePlanCompleted,
                PatternImported,
                PatternDeleted,
                ConnectionNeedsReauth,
                GenerationCompleted,
                GenerationFailed {

    /** The Kafka record key; see {@link io.contentfactory.contracts.Topics} for why each topic uses its key. */
    String partitionKey(UUID projectId);
}
