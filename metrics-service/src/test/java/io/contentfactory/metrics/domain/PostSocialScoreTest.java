package io.contentfactory.metrics.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class PostSocialScoreTest {

    private static MetricValues views(Long views) {
        return new MetricValues(views, null, null, null, null, null, null, null, null, null, null);
    }

    @Test
    void atTheBaselineTheScoreIsFiftyAndThreeTimesItIsSeventyFive() {
        PostSocialScore at = PostSocialScore.of(
                "24h", "reel", views(1_000L), new PostSocialScore.Baseline(1_000, 5), OptionalDouble.empty());
        PostSocialScore above = PostSocialScore.of(
                "24h", "reel", views(3_000L), new PostSocialScore.Baseline(1_000, 5), OptionalDouble.empty());
        PostSocialScore below = PostSocialScore.of(
                "24h", "reel", views(250L), new PostSocialScore.Baseline(1_000, 5), OptionalDouble.empty());

        assertThat(at.score()).isEqualTo(50.0);
        assertThat(above.score()).isEqualTo(75.0);
        assertThat(below.score()).isEqualTo(20.0);
        assertThat(above.explanation())
                .contains("3,000 views at 24h", "3.0× above", "median of 1,000", "5 earlier reel posts", "score 75")
                .contains("no pre-social prediction");
    }

    @Test
    void theExplanationComparesWithThePrediction() {
        PostSocialScore score = PostSocialScore.of(
                "7d", "feed_image", views(3_000L), new PostSocialScore.Baseline(1_000, 4), OptionalDouble.of(60));
        PostSocialScore asPredicted = PostSocialScore.of(
                "7d", "feed_image", views(1_000L), new PostSocialScore.Baseline(1_000, 4), OptionalDouble.of(52));

        assertThat(score.explanation()).endsWith("Above the pre-social prediction of 60 by 15 points.");
        assertThat(asPredicted.explanation()).endsWith("As the pre-social prediction of 52 expected.");
    }

    @Test
    void belowTheMinimumOfEarlierPostsThereIsNoBaselineAndNoScore() {
        for (PostSocialScore.Baseline thin :
                List.of(new PostSocialScore.Baseline(0, 0), new PostSocialScore.Baseline(900, 2))) {
            PostSocialScore score = PostSocialScore.of("1h", "reel", views(500L), thin, OptionalDouble.of(70));
            assertThat(score.score()).isNull();
            assertThat(score.explanation())
                    .startsWith("No baseline yet: " + thin.posts() + " earlier reel post")
                    .contains("3 needed", "prediction was 70");
        }
    }

    @Test
    void reachStandsInForViewsAndNothingReportedMeansNoScore() {
        MetricValues reachOnly = new MetricValues(null, null, null, null, null, 400L, null, null, null, null, null);
        PostSocialScore byReach = PostSocialScore.of(
                "4h", "feed_image", reachOnly, new PostSocialScore.Baseline(400, 3), OptionalDouble.empty());
        PostSocialScore none = PostSocialScore.of(
                "4h", "feed_image", MetricValues.NONE, new PostSocialScore.Baseline(400, 3), OptionalDouble.empty());

        assertThat(byReach.score()).isEqualTo(50.0);
        assertThat(byReach.explanation()).contains("400 reach");
        assertThat(none.score()).isNull();
        assertThat(none.explanation()).contains("neither views nor reach");
    }
}
