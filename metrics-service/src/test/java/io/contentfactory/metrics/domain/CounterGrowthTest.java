package io.contentfactory.metrics.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CounterGrowthTest {

    private static MetricValues of(Long views, Long likes, Long saves, Long avgWatchMs) {
        return new MetricValues(views, likes, null, null, saves, null, null, avgWatchMs, null, null, null);
    }

    @Test
    void aCounterBelowItsPreviousValueIsFlaggedAndAnAverageIsNot() {
        assertThat(CounterGrowth.dropped(of(100L, 10L, 5L, 4000L), of(120L, 9L, 5L, 3000L)))
                .containsExactly("likes");
    }

    @Test
    void nothingIsFlaggedWithoutAnEarlierReadingOrForAMetricReportedOnlyOnce() {
        assertThat(CounterGrowth.dropped(null, of(1L, 1L, 1L, null))).isEmpty();
        assertThat(CounterGrowth.dropped(of(100L, null, null, null), of(120L, 3L, 1L, null)))
                .isEmpty();
        assertThat(CounterGrowth.dropped(of(100L, 5L, null, null), of(null, 5L, null, null)))
                .as("a metric not reported now is not a drop")
                .isEmpty();
    }
}
