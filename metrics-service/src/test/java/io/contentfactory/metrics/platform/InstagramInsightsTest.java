package io.contentfactory.metrics.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.contentfactory.contracts.events.PostFormat;
import io.contentfactory.metrics.domain.Reading;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class InstagramInsightsTest {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private static final List<String> DEPRECATED = List.of(
            "impressions", "plays", "clips_replays_count", "ig_reels_aggregated_all_plays_count", "video_views");

    @Test
    void noFormatEverAsksForADeprecatedMetric() {
        for (PostFormat format : PostFormat.values()) {
            assertThat(InstagramInsights.metricsFor(format.name().toLowerCase()))
                    .as(format.name())
                    .doesNotContainAnyElementsOf(DEPRECATED)
                    .contains("views", "reach", "likes", "comments", "shares", "saved");
        }
        assertThat(InstagramInsights.metricsFor("reel"))
                .contains("ig_reels_avg_watch_time")
                .doesNotContain("follows");
        assertThat(InstagramInsights.metricsFor("feed_image")).contains("follows", "profile_visits");
    }

    @Test
    void reportedMetricsAreReadAndUnreportedOnesStayNull() {
        String body = """
                {"data":[{"name":"views","period":"lifetime","values":[{"value":1200}],"id":"1/insights/views/lifetime"},
                 {"name":"likes","period":"lifetime","values":[{"value":0}]},
                 {"name":"saved","period":"lifetime","values":[]}]}""";

        Reading reading = InstagramInsights.reading(200, body, null, NOW);

        assertThat(reading).isInstanceOf(Reading.Collected.class);
        Reading.Collected collected = (Reading.Collected) reading;
        assertThat(collected.values().views()).isEqualTo(1200);
        assertThat(collected.values().likes()).as("a reported 0 is 0").isZero();
        assertThat(collected.values().saves()).as("no value is not 0").isNull();
        assertThat(collected.values().reach()).isNull();
        assertThat(collected.rawPayload()).contains("\"views\"");
    }

    @Test
    void anEmptyDataArrayIsNotReadyYet() {
        assertThat(InstagramInsights.reading(200, "{\"data\":[]}", null, NOW)).isInstanceOf(Reading.NotReady.class);
    }

    @Test
    void errorsAreSortedByWhatTheyMean() {
        assertThat(InstagramInsights.reading(400, error(190, "Error validating access token"), null, NOW))
                .isInstanceOf(Reading.TokenRejected.class);
        assertThat(InstagramInsights.reading(400, error(100, "Object with ID '9' does not exist"), null, NOW))
                .isInstanceOf(Reading.Unavailable.class)
                .extracting(r -> ((Reading.Unavailable) r).reason())
                .asString()
                .contains("100", "does not exist");
        assertThat(InstagramInsights.reading(500, error(2, "Service temporarily unavailable"), null, NOW))
                .isInstanceOf(Reading.Transient.class);
        assertThat(InstagramInsights.reading(503, "<html>", null, NOW)).isInstanceOf(Reading.Transient.class);
        for (int code : new int[] {4, 17, 32, 613, 80002}) {
            assertThat(InstagramInsights.reading(400, error(code, "limit"), null, NOW))
                    .as("code %d", code)
                    .isInstanceOf(Reading.Throttled.class);
        }
    }

    @Test
    void aThrottledReadingWaitsAsLongAsMetaSays() {
        String usage = "{\"17841400000000001\":[{\"type\":\"instagram\",\"call_count\":100,\"total_cputime\":20,"
                + "\"total_time\":30,\"estimated_time_to_regain_access\":7}]}";
        Reading reading = InstagramInsights.reading(400, error(80002, "too many calls"), usage, NOW);

        assertThat(((Reading.Throttled) reading).retryAt()).isEqualTo(NOW.plusSeconds(7 * 60));
        assertThat(((Reading.Throttled) InstagramInsights.reading(400, error(4, "x"), "not json", NOW)).retryAt())
                .isNull();
    }

    private static String error(int code, String message) {
        return "{\"error\":{\"message\":\"" + message + "\",\"type\":\"OAuthException\",\"code\":" + code
                + ",\"fbtrace_id\":\"A1b2\"}}";
    }

    @Test
    void everyMetricSetIsDistinctNames() {
        for (String format : Arrays.asList("reel", "feed_image", "carousel")) {
            List<String> metrics = InstagramInsights.metricsFor(format);
            assertThat(metrics).doesNotHaveDuplicates();
        }
    }
}
