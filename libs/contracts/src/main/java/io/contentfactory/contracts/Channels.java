package io.contentfactory.contracts;

/**
 * Reactive Messaging channel names. Each incoming channel is bound to its topic in the consuming service's
 * {@code application.properties}, with the service's name as consumer group and its own dead-letter topic.
 */
public final class Channels {
    public static final String PROJECT_CREATED = "project-created";
    public static final String MEDIA_INGESTED = "media-ingested";
    public static final String MEDIA_ANALYZED = "media-analyzed";
    public static final String MEDIA_ANALYSIS_PROGRESSED = "media-analysis-progressed";
    public static final String MEDIA_ANALYSIS_REQUESTED = "media-analysis-requested";
    public static final String MEDIA_REJECTED = "media-rejected";
    public static final String POST_SCHEDULED = "post-scheduled";
    public static final String POST_DUE = "post-due";
    public static final String POST_PUBLISHING = "post-publishing";
    public static final String POST_PUBLISHED = "post-published";
    public static final String POST_FAILED = "post-failed";
    public static final String METRICS_COLLECTED = "metrics-collected";
    public static final String PATTERN_IMPORTED = "pattern-imported";
    public static final String PATTERN_DELETED = "pattern-deleted";
    public static final String MODEL_UPDATED = "model-updated";

    private Channels() {}
}
