package io.contentfactory.contracts;

import java.util.List;

/** Which service consumes which topic. Each pair has its own dead-letter topic, created with the others. */
public final class Subscriptions {

    public static final List<Subscription> ALL = List.of(
            new Subscription("ingest-service", Topics.PROJECT_CREATED),
            new Subscription("ingest-service", Topics.MEDIA_ANALYSIS_PROGRESSED),
            new Subscription("analysis-service", Topics.MEDIA_INGESTED),
            new Subscription("analysis-service", Topics.MEDIA_ANALYSIS_REQUESTED),
            new Subscription("analysis-service", Topics.PATTERN_IMPORTED),
            new Subscription("analysis-service", Topics.PATTERN_DELETED),
            new Subscription("scheduler-service", Topics.PROJECT_CREATED),
            new Subscription("scheduler-service", Topics.MEDIA_ANALYZED),
            new Subscription("scheduler-service", Topics.MEDIA_ANALYSIS_PROGRESSED),
            new Subscription("scheduler-service", Topics.MEDIA_REJECTED),
            new Subscription("scheduler-service", Topics.POST_PUBLISHING),
            new Subscription("scheduler-service", Topics.POST_PUBLISHED),
            new Subscription("scheduler-service", Topics.POST_FAILED),
            new Subscription("publisher-service", Topics.POST_DUE),
            new Subscription("metrics-service", Topics.MEDIA_ANALYZED),
            new Subscription("metrics-service", Topics.POST_SCHEDULED),
            new Subscription("metrics-service", Topics.POST_PUBLISHED),
            new Subscription("coach-service", Topics.MEDIA_ANALYZED),
            new Subscription("coach-service", Topics.METRICS_COLLECTED),
            new Subscription("coach-service", Topics.PROJECT_CREATED),
            new Subscription("coach-service", Topics.POST_PUBLISHED),
            new Subscription("coach-service", Topics.MEDIA_INGESTED));

    private Subscriptions() {}

    public record Subscription(String consumerGroup, String topic) {
        public String deadLetterTopic() {
            return Topics.deadLetter(consumerGroup, topic);
        }
    }
}
