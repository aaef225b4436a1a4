package io.contentfactory.metrics.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.contentfactory.metrics.config.MetricsConfig;
import io.contentfactory.metrics.domain.Checkpoint;
import io.contentfactory.metrics.domain.MetricValues;
import io.contentfactory.metrics.domain.Reading;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.web.client.WebClient;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The YouTube answers, in the shapes Google documents, and what each means for a checkpoint. */
class YouTubeInsightsTest {

    private static final Instant NOW = Instant.parse("2026-12-03T20:00:00Z");

    @Test
    void statisticsAreStringsAndAHiddenLikeCountIsNullNotZero() {
        String body = """
                {"kind":"youtube#videoListResponse","items":[{"kind":"youtube#video","id":"dQw4w9WgXcQ",
                 "statistics":{"viewCount":"9223372036854775807","favoriteCount":"0","commentCount":"12"}}],
                 "pageInfo":{"totalResults":1,"resultsPerPage":1}}
                """;

        Reading reading = YouTubeInsights.statisticsReading(200, body, NOW);

        MetricValues values = ((Reading.Collected) reading).values();
        assertThat(values.views()).isEqualTo(Long.MAX_VALUE);
        assertThat(values.comments()).isEqualTo(12);
        assertThat(values.likes()).as("the owner hides likes").isNull();
        assertThat(values.shares()).isNull();
    }

    @Test
    void aVideoMissingFromItemsIsGoneAndOneWithoutStatisticsIsNotReady() {
        assertThat(YouTubeInsights.statisticsReading(200, "{\"items\":[]}", NOW))
                .isInstanceOf(Reading.Gone.class);
        assertThat(YouTubeInsights.statisticsReading(200, "{\"items\":[{\"id\":\"x\",\"statistics\":{}}]}", NOW))
                .isInstanceOf(Reading.NotReady.class);
    }

    @Test
    void anAnalyticsTableWithoutRowsIsNotReadyAndARowIsReadByItsColumnHeaders() {
        String empty = """
                {"kind":"youtubeAnalytics#resultTable","columnHeaders":[
                 {"name":"views","columnType":"METRIC","dataType":"INTEGER"}]}
                """;
        assertThat(YouTubeInsights.analyticsReading(200, empty, NOW)).isInstanceOf(Reading.NotReady.class);

        String row = """
                {"kind":"youtubeAnalytics#resultTable","columnHeaders":[
                 {"name":"averageViewDuration","columnType":"METRIC","dataType":"INTEGER"},
                 {"name":"views","columnType":"METRIC","dataType":"INTEGER"},
                 {"name":"estimatedMinutesWatched","columnType":"METRIC","dataType":"INTEGER"},
                 {"name":"averageViewPercentage","columnType":"METRIC","dataType":"FLOAT"},
                 {"name":"subscribersGained","columnType":"METRIC","dataType":"INTEGER"}],
                 "rows":[[21, 1500, 525, 46.7, 9]]}
                """;
        MetricValues values = ((Reading.Collected) YouTubeInsights.analyticsReading(200, row, NOW)).values();
        assertThat(values.views()).isEqualTo(1500);
        assertThat(values.watchTimeMs()).isEqualTo(525 * 60_000L);
        assertThat(values.avgWatchTimeMs()).isEqualTo(21_000);
        assertThat(values.followerDelta()).isEqualTo(9);
        assertThat(values.likes()).as("not asked in this table").isNull();
    }

    @Test
    void googleErrorsMapToWaitsRetriesAndEnds() {
        assertThat(YouTubeInsights.statisticsReading(401, error(401, "authError"), NOW))
                .isInstanceOf(Reading.TokenRejected.class);
        assertThat(YouTubeInsights.statisticsReading(403, error(403, "quotaExceeded"), NOW))
                .isEqualTo(new Reading.Throttled(
                        Instant.parse("2026-12-04T08:00:00Z"), "youtube answered HTTP 403 quotaExceeded: over quota"))
                .as("the quota day ends at midnight Pacific");
        assertThat(YouTubeInsights.analyticsReading(429, error(429, "rateLimitExceeded"), NOW))
                .isEqualTo(new Reading.Throttled(
                        NOW.plus(GoogleAnswer.BURST_WAIT), "youtube answered HTTP 429 rateLimitExceeded: over quota"));
        assertThat(YouTubeInsights.statisticsReading(503, error(503, "backendError"), NOW))
                .isInstanceOf(Reading.Transient.class);
        assertThat(YouTubeInsights.statisticsReading(502, "<html>Bad Gateway</html>", NOW))
                .isInstanceOf(Reading.Transient.class);
        assertThat(YouTubeInsights.analyticsReading(400, error(400, "badRequest"), NOW))
                .isInstanceOf(Reading.Unavailable.class);
    }

    @Test
    void aProjectOverItsDailyUnitsWaitsForTheNextQuotaDayWithoutCallingYouTube() {
        Vertx vertx = Vertx.vertx();
        try {
            YouTubeQuota quota = new YouTubeQuota(1);
            UUID project = UUID.randomUUID();
            assertThat(quota.spend(project, 1, Instant.now())).isTrue();
            YouTubeInsights insights =
                    new YouTubeInsights(WebClient.create(vertx), config("http://127.0.0.1:9"), quota);

            Reading reading = insights.read(new InsightsReader.PostRead(
                            project, "dQw4w9WgXcQ", "short", Checkpoint.parse("15m"), "token"))
                    .await()
                    .atMost(Duration.ofSeconds(10));

            assertThat(reading).isInstanceOf(Reading.Throttled.class);
            assertThat(((Reading.Throttled) reading).reason()).contains("1 of its 1 YouTube Data API units");
            assertThat(((Reading.Throttled) reading).retryAt()).isEqualTo(YouTubeQuota.nextDay(Instant.now()));
        } finally {
            vertx.closeAndAwait();
        }
    }

    private static String error(int code, String reason) {
        return "{\"error\":{\"code\":" + code + ",\"message\":\"over quota\",\"errors\":[{\"message\":\"over quota\","
                + "\"domain\":\"youtube.quota\",\"reason\":\"" + reason + "\"}]}}";
    }

    private static MetricsConfig.YouTube config(String base) {
        return new MetricsConfig.YouTube() {
            @Override
            public String dataBaseUrl() {
                return base;
            }

            @Override
            public String analyticsBaseUrl() {
                return base;
            }

            @Override
            public Duration timeout() {
                return Duration.ofSeconds(5);
            }

            @Override
            public int dailyUnits() {
                return 1;
            }

            @Override
            public String analyticsFrom() {
                return "72h";
            }
        };
    }
}
