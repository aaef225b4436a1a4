package io.contentfactory.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.contentfactory.contracts.EventCodec;
import io.contentfactory.contracts.Topics;
import io.contentfactory.contracts.events.MediaAnalyzed;
import io.contentfactory.contracts.events.MediaIngested;
import io.contentfactory.contracts.events.MediaType;
import io.contentfactory.testkit.KafkaResource;
import io.contentfactory.testkit.PostgresResource;
import io.contentfactory.testkit.TestMedia;
import io.contentfactory.testkit.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Speech-to-text against a local OpenAI-compatible server: a transcript is stored with its provider's name and turns
 * into topics, hashtags and captions; a provider that fails or is too slow leaves a failed result and the local
 * analysis stands; a project that switched providers off never calls one.
 */
@QuarkusTest
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(FakeIngest.class)
@QuarkusTestResource(FakeOpenAi.class)
class ProvidersIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static HttpServer files;
    private static Path dir;
    private final TopicProbe kafka = TopicProbe.onTestBroker();

    @BeforeAll
    static void serveClips() throws Exception {
        dir = Files.createDirectories(Path.of("target/provider-clips"));
        TestMedia.mp4(
                dir.resolve("morning.mp4"),
                360,
                640,
                3,
                TestMedia.PATTERN,
                TestMedia.recording(Path.of("src/test/resources/audio/speech.wav")));
        files = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        files.createContext("/", exchange -> {
            byte[] body = Files.readAllBytes(
                    dir.resolve(exchange.getRequestURI().getPath().substring(1)));
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        files.start();
    }

    @AfterAll
    static void stop() {
        files.stop(0);
    }

    @AfterEach
    void providerBackToNormal() throws Exception {
        FakeOpenAi.mode("ok");
    }

    @Test
    void aTranscriptIsStoredWithItsProviderAndGivesTopicsHashtagsAndCaptions() throws Exception {
        UUID projectId = UUID.randomUUID();
        MediaAnalyzed analyzed = analyse(projectId);

        Map<String, String> row = row("select transcript, language, text_source, topics, hashtags, caption_suggestions,"
                + " sentiment_overall from analysis.media_analysis where id = '" + analyzed.analysisId() + "'");
        assertThat(Double.parseDouble(row.get("sentiment_overall")))
                .as("'a better morning routine'")
                .isGreaterThan(0);
        assertThat(row.get("transcript")).isEqualTo(FakeOpenAi.TRANSCRIPT);
        assertThat(row.get("language")).isEqualTo("en");
        assertThat(row.get("text_source")).isEqualTo("transcript");
        assertThat(row.get("topics")).contains("quick tips", "morning routine");
        assertThat(row.get("hashtags")).contains("#ThreeQuickTips", "#BetterMorningRoutine");
        assertThat(row.get("caption_suggestions"))
                .contains("\"youtube_shorts\"", "#Shorts", "Three quick tips for a better morning routine.");
        Map<String, String> provider =
                row("select provider, status, payload from analysis.provider_results where analysis_id = '"
                        + analyzed.analysisId() + "' and kind = 'transcript'");
        assertThat(provider.get("provider")).isEqualTo("openai-compatible:127.0.0.1");
        assertThat(provider.get("status")).isEqualTo("ok");
        assertThat(provider.get("payload")).contains(FakeOpenAi.TRANSCRIPT);
        Map<String, String> llm =
                row("select provider, status, payload from analysis.provider_results where analysis_id = '"
                        + analyzed.analysisId() + "' and kind = 'captions'");
        assertThat(llm.get("provider")).isEqualTo("openai");
        assertThat(llm.get("status")).isEqualTo("ok");
        assertThat(llm.get("payload")).contains(FakeOpenAi.CAPTION, "\"tone\":\"friendly\"");
        // The post goes out with the LLM's caption and hashtags; the local suggestions stay beside them.
        assertThat(analyzed.captionSuggestion()).isEqualTo(FakeOpenAi.CAPTION);
        assertThat(analyzed.hashtags()).containsExactly("#MorningRoutine", "#Habits");
    }

    @Test
    void aFailingOrSlowProviderLeavesAFailedResultAndTheLocalAnalysisStands() throws Exception {
        for (String mode : new String[] {"fail", "slow"}) {
            FakeOpenAi.mode(mode);
            MediaAnalyzed analyzed;
            try (TransactionWatch watch = new TransactionWatch()) {
                analyzed = analyse(UUID.randomUUID());
                assertThat(watch.longestHeldSeconds())
                        .as("%s: no transaction is held open while the providers are waited for", mode)
                        .isLessThan(1.0);
            }

            Map<String, String> row =
                    row("select transcript, text_source, pre_social_score from analysis.media_analysis"
                            + " where id = '" + analyzed.analysisId() + "'");
            assertThat(row.get("transcript")).as(mode).isNull();
            assertThat(row.get("text_source")).as(mode).isEqualTo("file_name");
            assertThat(analyzed.captionSuggestion()).as(mode).isEqualTo("Morning");
            assertThat(row("select best_frame_chosen_by from analysis.media_analysis where id = '"
                            + analyzed.analysisId() + "'"))
                    .as(mode)
                    .containsEntry("best_frame_chosen_by", "local");
            for (String kind : new String[] {"transcript", "captions", "frames"}) {
                Map<String, String> provider =
                        row("select status, error from analysis.provider_results where analysis_id = '"
                                + analyzed.analysisId() + "' and kind = '" + kind + "'");
                assertThat(provider.get("status")).as(mode + " " + kind).isEqualTo("failed");
                assertThat(provider.get("error"))
                        .as(mode + " " + kind)
                        .containsAnyOf(
                                mode.equals("fail")
                                        ? new String[] {"HTTP 500", "InternalServerException"}
                                        : new String[] {"timeout", "Timeout", "timed out"});
            }
        }
    }

    @Test
    void aVisionProviderChoosesTheThumbnailAmongAsManyCandidatesAsTheProjectAllows() throws Exception {
        UUID projectId = UUID.randomUUID();
        try (Connection c = PostgresResource.database().connect();
                Statement s = c.createStatement()) {
            s.execute("insert into analysis.analysis_settings (project_id, max_frames_per_request) values ('"
                    + projectId + "', 2)");
        }

        MediaAnalyzed analyzed = analyse(projectId);

        assertThat(FakeOpenAi.visionImages()).as("images in the vision request").isEqualTo(2);
        Map<String, String> provider =
                row("select provider, status, payload from analysis.provider_results where analysis_id = '"
                        + analyzed.analysisId() + "' and kind = 'frames'");
        assertThat(provider.get("provider")).isEqualTo("openai");
        assertThat(provider.get("status")).isEqualTo("ok");
        var verdict = new com.fasterxml.jackson.databind.ObjectMapper().readTree(provider.get("payload"));
        assertThat(verdict.path("scores")).hasSize(2);
        int localBest = verdict.path("scores").get(0).path("sampleIndex").asInt();
        int visionBest = verdict.path("scores").get(1).path("sampleIndex").asInt();
        assertThat(visionBest)
                .isNotEqualTo(localBest)
                .isEqualTo(verdict.path("bestSampleIndex").asInt());
        Map<String, String> row =
                row("select best_frame_index, best_frame_chosen_by from analysis.media_analysis where id = '"
                        + analyzed.analysisId() + "'");
        assertThat(row)
                .containsEntry("best_frame_chosen_by", "vision")
                .containsEntry("best_frame_index", String.valueOf(visionBest));
    }

    @Test
    void aProjectWithProvidersSwitchedOffNeverCallsOne() throws Exception {
        UUID projectId = UUID.randomUUID();
        try (Connection c = PostgresResource.database().connect();
                Statement s = c.createStatement()) {
            s.execute("insert into analysis.analysis_settings (project_id, providers_enabled) values ('" + projectId
                    + "', false)");
        }
        int before = FakeOpenAi.requests();

        MediaAnalyzed analyzed = analyse(projectId);

        assertThat(FakeOpenAi.requests()).isEqualTo(before);
        assertThat(row("select count(*) as n from analysis.provider_results where analysis_id = '"
                        + analyzed.analysisId() + "'"))
                .containsEntry("n", "0");
    }

    private MediaAnalyzed analyse(UUID projectId) throws Exception {
        UUID mediaId = UUID.randomUUID();
        Path clip = dir.resolve("morning.mp4");
        String url = "http://127.0.0.1:" + files.getAddress().getPort() + "/morning.mp4";
        MediaIngested data = new MediaIngested(
                mediaId, "upload", "morning.mp4", "video/mp4", MediaType.VIDEO, Files.size(clip), "0".repeat(64), url);
        kafka.send(
                Topics.MEDIA_INGESTED,
                mediaId.toString(),
                EventCodec.toJson(EventCodec.envelope(
                        UUID.randomUUID(), "/content-factory/ingest-service", projectId, Instant.now(), data)));
        return EventCodec.data(
                EventCodec.parse(
                        kafka.awaitOne(Topics.MEDIA_ANALYZED, r -> r.value().contains(mediaId.toString()), TIMEOUT)
                                .value()),
                MediaAnalyzed.class);
    }

    /**
     * Watches the service's database sessions while an analysis runs: the longest any of them sat idle inside an open
     * transaction (as one does while a consumer waits for a provider within its transaction).
     */
    private static final class TransactionWatch implements AutoCloseable {
        private final java.util.concurrent.ScheduledExecutorService sampler =
                java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
        private final java.util.concurrent.atomic.AtomicReference<Double> longest =
                new java.util.concurrent.atomic.AtomicReference<>(0.0);

        TransactionWatch() {
            sampler.scheduleAtFixedRate(this::sample, 0, 100, java.util.concurrent.TimeUnit.MILLISECONDS);
        }

        private void sample() {
            try {
                String held =
                        row("select coalesce(max(extract(epoch from now() - state_change)), 0) as held from pg_stat_activity"
                                        + " where datname = current_database() and usename = 'cf_analysis' and state like 'idle in transaction%'")
                                .get("held");
                longest.accumulateAndGet(Double.parseDouble(held), Math::max);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        double longestHeldSeconds() {
            return longest.get();
        }

        @Override
        public void close() {
            sampler.shutdownNow();
        }
    }

    private static Map<String, String> row(String sql) throws Exception {
        try (Connection c = PostgresResource.database().connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            Map<String, String> row = new HashMap<>();
            if (rs.next()) {
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.put(rs.getMetaData().getColumnLabel(i), rs.getString(i));
                }
            }
            return row;
        }
    }
}
