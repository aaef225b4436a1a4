package io.contentfactory.metrics.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.contentfactory.contracts.events.MetricsCollected.CommentSummary;
import io.contentfactory.contracts.events.MetricsCollected.TopicCluster;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommentClustersTest {

    @Test
    void theFivePointLabelsFoldIntoThreeMoodsOverallAndPerTopic() {
        CommentSummary summary = CommentClusters.of(List.of(
                new CommentClusters.Count(null, SentimentLabel.VERY_POSITIVE, 2),
                new CommentClusters.Count(null, SentimentLabel.POSITIVE, 3),
                new CommentClusters.Count(null, SentimentLabel.NEUTRAL, 1),
                new CommentClusters.Count(null, SentimentLabel.VERY_NEGATIVE, 1),
                new CommentClusters.Count(null, SentimentLabel.NEGATIVE, 2),
                new CommentClusters.Count("price", SentimentLabel.NEGATIVE, 2),
                new CommentClusters.Count("price", SentimentLabel.VERY_NEGATIVE, 1),
                new CommentClusters.Count("price", SentimentLabel.NEUTRAL, 1),
                new CommentClusters.Count("recipe", SentimentLabel.VERY_POSITIVE, 2)));

        assertThat(summary.positive()).isEqualTo(5);
        assertThat(summary.neutral()).isEqualTo(1);
        assertThat(summary.negative()).isEqualTo(3);
        assertThat(summary.total()).isEqualTo(9);
        assertThat(summary.clusters())
                .containsExactly(new TopicCluster("price", 4, 0, 3), new TopicCluster("recipe", 2, 2, 0));
    }

    @Test
    void clustersAreLargestFirstTiesByTopicAndAtMostTen() {
        List<CommentClusters.Count> counts = new ArrayList<>();
        for (int topic = 0; topic < 12; topic++) {
            counts.add(new CommentClusters.Count("topic " + (char) ('a' + topic), SentimentLabel.NEUTRAL, 1));
        }
        counts.add(new CommentClusters.Count("zebra", SentimentLabel.POSITIVE, 5));

        List<TopicCluster> clusters = CommentClusters.of(counts).clusters();

        assertThat(clusters).hasSize(CommentClusters.MAX_CLUSTERS);
        assertThat(clusters.getFirst().topic()).isEqualTo("zebra");
        assertThat(clusters.subList(1, 4))
                .extracting(TopicCluster::topic)
                .containsExactly("topic a", "topic b", "topic c");
    }

    @Test
    void aTargetWithoutStoredCommentsHasAnEmptySummary() {
        assertThat(CommentClusters.of(List.of())).isEqualTo(CommentClusters.none());
        assertThat(CommentClusters.none().total()).isZero();
    }
}
