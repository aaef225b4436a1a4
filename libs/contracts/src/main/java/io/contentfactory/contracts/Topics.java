package io.contentfactory.contracts;

import java.util.List;

/**
 * Every Kafka topic of the pipeline, with the key it is partitioned by and its partition count.
 *
 * <p>The key decides ordering: events with the same key are consumed in the order they were written.
 * The partition count caps how many instances of a consumer group can work in parallel.
 * The reasons are written next to each topic and repeated in {@code docs/asyncapi.yaml}.
 */
public final class Topics {

    /** Project registry: one project's events stay ordered; the volume is tiny. */
    public static final String PROJECT_CREATED = "project.created";
    /** Keyed by media id: analysis of different media is independent, so it may fan out widely. */
    public static final String MEDIA_INGESTED = "media.ingested";
    /** Keyed by project id: the planner fills one project's queue at a time, so its inputs stay ordered. */
    public static final String MEDIA_ANALYZED = "media.analyzed";
    /** Keyed by media id: one item's stages arrive in order at ingest-service, which shows them on the item. */
    public static final String MEDIA_ANALYSIS_PROGRESSED = "media.analysis-progressed";
    /** Keyed by media id: an item that ended rejected, failed or duplicate; one item's end is one event. */
    public static final String MEDIA_REJECTED = "media.rejected";
    /** Keyed by media id: a repeated request for one item lands on the same consumer, after the first. */
    public static final String MEDIA_ANALYSIS_REQUESTED = "media.analysis-requested";
    /** Keyed by post id: one post's lifecycle (scheduled, due, published or failed) is consumed in order. */
    public static final String POST_SCHEDULED = "post.scheduled";

    public static final String POST_DUE = "post.due";
    public static final String POST_PUBLISHING = "post.publishing";
    public static final String POST_PUBLISHED = "post.published";
    public static final String POST_FAILED = "post.failed";
    /** Keyed by post id: a publish whose outcome is unknown, being reconciled or waiting for a person's decision. */
    public static final String POST_UNCONFIRMED = "post.unconfirmed";

    public static final String MANUAL_POST_REQUIRED = "post.manual-required";
    /** Keyed by project id: a project's connection alerts are read together; the volume is tiny. */
    public static final String CONNECTION_NEEDS_REAUTH = "connection.needs-reauth";
    /** Keyed by post id: checkpoints of one post arrive in time order at the coach. */
    public static final String METRICS_COLLECTED = "metrics.collected";
    /** Keyed by project id: a project's insights are read as one stream. */
    public static final String COACH_INSIGHT_CREATED = "coach.insight.created";
    /** Keyed by project id: a project's briefs are read as one stream; the volume is small. */
    public static final String CREATIVE_BRIEF_CREATED = "creative-brief.created";
    /** Keyed by project id: a project's plans, created and completed, are read in order as one stream. */
    public static final String DERIVATIVE_PLAN_CREATED = "derivative-plan.created";

    public static final String DERIVATIVE_PLAN_COMPLETED = "derivative-plan.completed";
    /**
     * Keyed by project id: a project's imports arrive in order, so a re-import's fields replace the earlier ones. The
     * two topics are not ordered with each other; a deleted pattern's id is never used again, so analysis keeps it
     * deleted whatever arrives later.
     */
    public static final String PATTERN_IMPORTED = "pattern.imported";

    public static final String PATTERN_DELETED = "pattern.deleted";
    /** Keyed by project id: an account's model versions (learned, pinned, reset) are applied in the order made. */
    public static final String MODEL_UPDATED = "model.updated";

    /** Keyed by project id: a project's generations end as one stream; the volume is small. */
    public static final String GENERATION_COMPLETED = "generation.completed";

    public static final String GENERATION_FAILED = "generation.failed";

    public static final List<TopicSpec> ALL = List.of(
            new TopicSpec(PROJECT_CREATED, "project id", 3),
            new TopicSpec(MEDIA_INGESTED, "media id", 12),
            new TopicSpec(MEDIA_ANALYZED, "project id", 12),
            new TopicSpec(MEDIA_ANALYSIS_PROGRESSED, "media id", 12),
            new TopicSpec(MEDIA_ANALYSIS_REQUESTED, "media id", 12),
            new TopicSpec(MEDIA_REJECTED, "media id", 6),
            new TopicSpec(POST_SCHEDULED, "post id", 12),
            new TopicSpec(POST_DUE, "post id", 12),
            new TopicSpec(POST_PUBLISHING, "post id", 12),
            new TopicSpec(POST_PUBLISHED, "post id", 12),
            new TopicSpec(POST_FAILED, "post id", 12),
            new TopicSpec(POST_UNCONFIRMED, "post id", 12),
            new TopicSpec(MANUAL_POST_REQUIRED, "post id", 6),
            new TopicSpec(METRICS_COLLECTED, "post id", 12),
            new TopicSpec(COACH_INSIGHT_CREATED, "project id", 6),
            new TopicSpec(CREATIVE_BRIEF_CREATED, "project id", 3),
            new TopicSpec(DERIVATIVE_PLAN_CREATED, "project id", 3),
            new TopicSpec(DERIVATIVE_PLAN_COMPLETED, "project id", 3),
            new TopicSpec(PATTERN_IMPORTED, "project id", 3),
            new TopicSpec(PATTERN_DELETED, "project id", 3),
            new TopicSpec(MODEL_UPDATED, "project id", 3),
            new TopicSpec(CONNECTION_NEEDS_REAUTH, "project id", 3),
            new TopicSpec(GENERATION_COMPLETED, "project id", 3),
            new TopicSpec(GENERATION_FAILED, "project id", 3));

    /** Dead-letter topics have one partition: they are read by people and tools, not scaled out. */
    public static final int DEAD_LETTER_PARTITIONS = 1;

    private Topics() {}

    /** The dead-letter topic of one consumer group on one topic, for example {@code dlq.analysis-service.media.ingested}. */
    public static String deadLetter(String consumerGroup, String topic) {
        return "dlq." + consumerGroup + "." + topic;
    }

    public static TopicSpec spec(String topic) {
        return ALL.stream()
                .filter(t -> t.name().equals(topic))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown topic " + topic));
    }

    public record TopicSpec(String name, String key, int partitions) {}
}
