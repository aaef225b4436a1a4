package io.contentfactory.sandbox.audience;

import static org.assertj.core.api.Assertions.assertThat;

import io.contentfactory.sandbox.common.CommentCorpus;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class EngagementTest {

    private static final Instant LIVE = Instant.parse("2026-12-01T18:00:00Z");

    private static Engagement engagement(double tauMinutes) {
        return new Engagement(
                10_000, tauMinutes, 0.8, 0.05, 0.01, 0.005, 0.01, 0.002, 0.02, 0.7, Duration.ofSeconds(1));
    }

    @Test
    void countersLevelOffAlongASaturatingCurveFasterForVideosThanForImages() {
        Engagement video = engagement(Engagement.VIDEO_TAU_MINUTES);
        Engagement image = engagement(Engagement.IMAGE_TAU_MINUTES);
        Instant hourLater = LIVE.plusSeconds(60);

        assertThat(video.at(LIVE, LIVE).views())
                .as("the first burst: 1 − e^−0.05 of the final")
                .isEqualTo(487);
        assertThat(video.at(LIVE, hourLater).views())
                .isGreaterThan(image.at(LIVE, hourLater).views());
        assertThat(video.at(LIVE, LIVE.plusSeconds(6 * 60)).views())
                .as("after τ: 1 − e^−1.05")
                .isEqualTo(6500);
        assertThat(video.at(LIVE, LIVE.plusSeconds(7 * 24 * 60)).views()).isEqualTo(9999);
        assertThat(image.at(LIVE, LIVE.plusSeconds(7 * 24 * 60)).views()).isBetween(9990L, 10_000L);
        Engagement.Counters counters = video.at(LIVE, hourLater);
        assertThat(counters.likes()).isEqualTo((long) (counters.views() * 0.05));
        assertThat(counters.comments()).isEqualTo((long) (counters.views() * 0.01));
    }

    @Test
    void theNthCommentArrivesWhenTheCountFirstReachesIt() {
        Engagement video = engagement(Engagement.VIDEO_TAU_MINUTES);
        for (long n : new long[] {5, 40, 90}) {
            Instant arrival = video.commentArrival(n, LIVE);
            assertThat(video.at(LIVE, arrival.plusMillis(1)).comments()).isGreaterThanOrEqualTo(n);
            assertThat(video.at(LIVE, arrival.minusMillis(20)).comments()).isLessThan(n);
        }
    }

    @Test
    void aKinderAudienceWritesKinderComments() {
        long kind = LongStream.range(1, 2001)
                .mapToObj(i -> CommentCorpus.line("17841000000000001", i, 0.8))
                .filter(line -> line.label().endsWith("positive"))
                .count();
        assertThat(kind / 2000.0).isBetween(0.76, 0.84);
    }
}
