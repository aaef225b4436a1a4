package io.contentfactory.metrics.domain;

import io.contentfactory.contracts.events.MetricsCollected.CommentSummary;
import io.contentfactory.contracts.events.MetricsCollected.TopicCluster;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A target's comments summed up for the coach: how many are positive, neutral and negative (the five-point scale
 * folded to three), and each topic's cluster (the comments tagged with it) with its own positive and negative counts,
 * largest first, ties by topic, at most {@link #MAX_CLUSTERS}.
 */
public final class CommentClusters {

    public static final int MAX_CLUSTERS = 10;

    /** How many comments carry {@code label}: all of the target's when {@code topic} is null, else that topic's. */
    public record Count(String topic, SentimentLabel label, long comments) {}

    private CommentClusters() {}

    public static CommentSummary of(List<Count> counts) {
        Map<Mood, Long> overall = new EnumMap<>(Mood.class);
        Map<String, Map<Mood, Long>> byTopic = new LinkedHashMap<>();
        for (Count count : counts) {
            Map<Mood, Long> into = count.topic() == null
                    ? overall
                    : byTopic.computeIfAbsent(count.topic(), topic -> new EnumMap<>(Mood.class));
            into.merge(Mood.of(count.label()), count.comments(), Long::sum);
        }
        List<TopicCluster> clusters = new ArrayList<>();
        byTopic.forEach((topic, moods) -> clusters.add(new TopicCluster(
                topic,
                moods.values().stream().mapToLong(Long::longValue).sum(),
                moods.getOrDefault(Mood.POSITIVE, 0L),
                moods.getOrDefault(Mood.NEGATIVE, 0L))));
        clusters.sort(
                Comparator.comparingLong(TopicCluster::comments).reversed().thenComparing(TopicCluster::topic));
        return new CommentSummary(
                overall.getOrDefault(Mood.POSITIVE, 0L),
                overall.getOrDefault(Mood.NEUTRAL, 0L),
                overall.getOrDefault(Mood.NEGATIVE, 0L),
                clusters.subList(0, Math.min(MAX_CLUSTERS, clusters.size())));
    }

    /** The summary of a target none of whose comments is stored yet. */
    public static CommentSummary none() {
        return new CommentSummary(0, 0, 0, List.of());
    }

    private enum Mood {
        POSITIVE,
        NEUTRAL,
        NEGATIVE;

        static Mood of(SentimentLabel label) {
            return switch (label) {
                case VERY_NEGATIVE, NEGATIVE -> NEGATIVE;
                case NEUTRAL -> NEUTRAL;
                case POSITIVE, VERY_POSITIVE -> POSITIVE;
            };
        }
    }
}
