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
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The same service with Gemini chosen at start-up (no rebuild): captions and frame scores come from a local stand-in
 * for Gemini's generateContent API and are stored under the provider's name.
 */
@QuarkusTest
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(FakeIngest.class)
@QuarkusTestResource(FakeOpenAi.class)
@QuarkusTestResource(value = FakeGemini.class, restrictToAnnotatedClass = true)
class GeminiIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static HttpServer files;
    private static Path dir;
    private final TopicProbe kafka = TopicProbe.onTestBroker();

    @BeforeAll
    static void serveClip() throws Exception {
        dir = Files.createDirectories(Path.of("target/gemini-clips"));
        TestMedia.mp4(dir.resolve("calm.mp4"), 360, 640, 3, TestMedia.PATTERN, TestMedia.TONE);
        files = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        files.createContext("/", exchange -> {
            byte[] body = Files.readAllBytes(dir.resolve("calm.mp4"));
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

    @Test
    void geminiWritesTheCaptionsAndChoosesTheThumbnail() throws Exception {
        UUID projectId = UUID.randomUUID();
        UUID mediaId = UUID.randomUUID();
        Path clip = dir.resolve("calm.mp4");
        MediaIngested data = new MediaIngested(
                mediaId,
                "upload",
                "calm.mp4",
                "video/mp4",
                MediaType.VIDEO,
                Files.size(clip),
                "0".repeat(64),
                "http://127.0.0.1:" + files.getAddress().getPort() + "/calm.mp4");
        kafka.send(
                Topics.MEDIA_INGESTED,
                mediaId.toString(),
                EventCodec.toJson(EventCodec.envelope(
                        UUID.randomUUID(), "/content-factory/ingest-service", projectId, Instant.now(), data)));
        MediaAnalyzed analyzed = EventCodec.data(
                EventCodec.parse(
                        kafka.awaitOne(Topics.MEDIA_ANALYZED, r -> r.value().contains(mediaId.toString()), TIMEOUT)
                                .value()),
                MediaAnalyzed.class);

        assertThat(analyzed.captionSuggestion()).isEqualTo(FakeGemini.CAPTION);
        assertThat(analyzed.hashtags()).containsExactly("#Mornings");
        try (Connection c = PostgresResource.database().connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "select kind, provider, status, payload from analysis.provider_results where analysis_id = '"
                                + analyzed.analysisId() + "' and kind in ('captions', 'frames') order by kind")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString("kind")).isEqualTo("captions");
            assertThat(rs.getString("provider")).isEqualTo("gemini");
            assertThat(rs.getString("status")).isEqualTo("ok");
            assertThat(rs.getString("payload")).contains("\"tone\":\"calm\"");
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString("kind")).isEqualTo("frames");
            assertThat(rs.getString("status")).isEqualTo("ok");
            int best = FakeGemini.json(rs.getString("payload"))
                    .path("bestSampleIndex")
                    .asInt();
            try (Statement t = c.createStatement();
                    ResultSet analysis = t.executeQuery(
                            "select best_frame_index, best_frame_chosen_by from analysis.media_analysis where id = '"
                                    + analyzed.analysisId() + "'")) {
                assertThat(analysis.next()).isTrue();
                assertThat(analysis.getInt(1)).isEqualTo(best);
                assertThat(analysis.getString(2)).isEqualTo("vision");
            }
        }
        assertThat(FakeGemini.lastRequest()).startsWith("/v1beta/models/gemini-2.5-flash:generateContent");
    }
}
