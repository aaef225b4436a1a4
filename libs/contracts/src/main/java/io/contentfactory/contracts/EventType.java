package io.contentfactory.contracts;

import io.contentfactory.contracts.events.CoachInsightCreated;
import io.contentfactory.contracts.events.ConnectionNeedsReauth;
import io.contentfactory.contracts.events.CreativeBriefCreated;
import io.contentfactory.contracts.events.DerivativePlanCompleted;
import io.contentfactory.contracts.events.DerivativePlanCreated;
import io.contentfactory.contracts.events.GenerationCompleted;
import io.contentfactory.contracts.events.GenerationFailed;
import io.contentfactory.contracts.events.ManualPostRequired;
import io.contentfactory.contracts.events.MediaAnalysisProgressed;
import io.contentfactory.contracts.events.MediaAnalysisRequested;
import io.contentfactory.contracts.events.MediaAnalyzed;
import io.contentfactory.contracts.events.MediaIngested;
import io.contentfactory.contracts.events.MediaRejected;
import io.contentfactory.contracts.events.MetricsCollected;
import io.contentfactory.contracts.events.ModelUpdated;
import io.contentfactory.contracts.events.PatternDeleted;
import io.contentfactory.contracts.events.PatternImported;
import io.contentfactory.contracts.events.PipelineEvent;
import io.contentfactory.contracts.events.PostDue;
import io.contentfactory.contracts.events.PostFailed;
import io.contentfactory.contracts.events.PostPublished;
import io.contentfactory.contracts.events.PostPublishing;
import io.contentfactory.contracts.events.PostScheduled;
import io.contentfactory.contracts.events.PostUnconfirmed;
import io.contentfactory.contracts.events.ProjectCreated;
import java.util.Arrays;

/** The CloudEvents type of each event, the topic it travels on and the record that carries its data. */
public enum EventType {
    PROJECT_CREATED("io.contentfactory.project.created.v1", Topics.PROJECT_CREATED, ProjectCreated.class),
    MEDIA_INGESTED("io.contentfactory.media.ingested.v1", Topics.MEDIA_INGESTED, MediaIngested.class),
    MEDIA_ANALYZED("io.contentfactory.media.analyzed.v1", Topics.MEDIA_ANALYZED, MediaAnalyzed.class),
    MEDIA_ANALYSIS_PROGRESSED(
            "io.contentfactory.media.analysis-progressed.v1",
            Topics.MEDIA_ANALYSIS_PROGRESSED,
            MediaAnalysisProgressed.class),
    MEDIA_ANALYSIS_REQUESTED(
            "io.contentfactory.media.analysis-requested.v1",
            Topics.MEDIA_ANALYSIS_REQUESTED,
            MediaAnalysisRequested.class),
    MEDIA_REJECTED("io.contentfactory.media.rejected.v1", Topics.MEDIA_REJECTED, MediaRejected.class),
    POST_SCHEDULED("io.contentfactory.post.scheduled.v1", Topics.POST_SCHEDULED, PostScheduled.class),
    POST_DUE("io.contentfactory.post.due.v1", Topics.POST_DUE, PostDue.class),
    POST_PUBLISHING("io.contentfactory.post.publishing.v1", Topics.POST_PUBLISHING, PostPublishing.class),
    POST_PUBLISHED("io.contentfactory.post.published.v1", Topics.POST_PUBLISHED, PostPublished.class),
    POST_FAILED("io.contentfactory.post.failed.v1", Topics.POST_FAILED, PostFailed.class),
    POST_UNCONFIRMED("io.contentfactory.post.unconfirmed.v1", Topics.POST_UNCONFIRMED, PostUnconfirmed.class),
    MANUAL_POST_REQUIRED(
            "io.contentfactory.post.manual-required.v1", Topics.MANUAL_POST_REQUIRED, ManualPostRequired.class),
    METRICS_COLLECTED("io.contentfactory.metrics.collected.v1", Topics.METRICS_COLLECTED, MetricsCollected.class),
    COACH_INSIGHT_CREATED(
            "io.contentfactory.coach.insight.created.v1", Topics.COACH_INSIGHT_CREATED, CoachInsightCreated.class),
    CREATIVE_BRIEF_CREATED(
            "io.contentfactory.creative-brief.created.v1", Topics.CREATIVE_BRIEF_CREATED, CreativeBriefCreated.class),
    DERIVATIVE_PLAN_CREATED(
            "io.contentfactory.derivative-plan.created.v1",
            Topics.DERIVATIVE_PLAN_CREATED,
            DerivativePlanCreated.class),
    DERIVATIVE_PLAN_COMPLETED(
            "io.contentfactory.derivative-plan.completed.v1",
            Topics.DERIVATIVE_PLAN_COMPLETED,
            DerivativePlanCompleted.class),
    PATTERN_IMPORTED("io.contentfactory.pattern.imported.v1", Topics.PATTERN_IMPORTED, PatternImported.class),
    PATTERN_DELETED("io.contentfactory.pattern.deleted.v1", Topics.PATTERN_DELETED, PatternDeleted.class),
    MODEL_UPDATED("io.contentfactory.model.updated.v1", Topics.MODEL_UPDATED, ModelUpdated.class),
    CONNECTION_NEEDS_REAUTH(
            "io.contentfactory.connection.needs-reauth.v1",
            Topics.CONNECTION_NEEDS_REAUTH,
            ConnectionNeedsReauth.class),
    GENERATION_COMPLETED(
            "io.contentfactory.generation.completed.v1", Topics.GENERATION_COMPLETED, GenerationCompleted.class),
    GENERATION_FAILED("io.contentfactory.generation.failed.v1", Topics.GENERATION_FAILED, GenerationFailed.class);

    private final String cloudEventType;
    private final String topic;
    private final Class<? extends PipelineEvent> dataType;

    EventType(String cloudEventType, String topic, Class<? extends PipelineEvent> dataType) {
        this.cloudEventType = cloudEventType;
        this.topic = topic;
        this.dataType = dataType;
    }

    public String cloudEventType() {
        return cloudEventType;
    }

    public String topic() {
        return topic;
    }

    public Class<? extends PipelineEvent> dataType() {
        return dataType;
    }

    public static EventType of(PipelineEvent event) {
        return ofDataType(event.getClass());
    }

    public static EventType ofDataType(Class<?> dataType) {
        return Arrays.stream(values())
                .filter(t -> t.dataType == dataType)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no event type for " + dataType.getName()));
    }

    public static EventType ofCloudEventType(String type) {
        return Arrays.stream(values())
                .filter(t -> t.cloudEventType.equals(type))
                .findFirst()
                .orElseThrow(() -> new MalformedEventException("unknown event type '" + type + "'"));
    }
}
