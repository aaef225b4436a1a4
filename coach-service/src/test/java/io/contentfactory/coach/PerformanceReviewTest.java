package io.contentfactory.coach;

import static org.assertj.core.api.Assertions.assertThat;

import io.contentfactory.coach.domain.PerformanceReview;
import io.contentfactory.contracts.events.MetricsCollected;
import java.util.List;
import org.junit.jupiter.api.Test;

class PerformanceReviewTest {

    private static MetricsCollected metrics(long views, long likes, long comments, long shares, long saves) {
        return CollectedMetrics.at24h(views, likes, comments, shares, saves);
    }

    @Test
    void theFirstPostHasNoBaseline() {
        PerformanceReview review = PerformanceReview.of(metrics(1000, 80, 5, 10, 30), List.of());
        assertThat(review.engagementRate()).isEqualTo(0.125);
        assertThat(review.summary())
                .isEqualTo("At 24h: 1000 views, 12.5% engagement (80 likes, 5 comments, 10 shares, 30 saves); "
                        + "the first post measured at 24h, so there is no baseline yet.");
        assertThat(review.whatWorked()).contains("Saves are high", "Shares are healthy");
    }

    @Test
    void aPostIsComparedWithTheMedianOfEarlierPosts() {
        PerformanceReview review = PerformanceReview.of(metrics(1000, 40, 5, 2, 3), List.of(0.10, 0.05, 0.20));
        assertThat(review.summary())
                .contains("5.0% engagement", "-50% against this project's median at 24h (3 earlier posts)");
        assertThat(review.whatToChange()).contains("stronger hook");
    }
}
