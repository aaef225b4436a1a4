package io.contentfactory.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.contentfactory.analysis.domain.AnalysisStage;
import io.contentfactory.analysis.domain.AnalysisStatus;
import io.contentfactory.analysis.domain.ProviderKind;
import io.contentfactory.analysis.domain.ProviderOutcome;
import io.contentfactory.contracts.CloudEvent;
import io.contentfactory.contracts.EventCodec;
import io.contentfactory.contracts.Topics;
import io.contentfactory.contracts.events.MediaAnalyzed;
import io.contentfactory.contracts.events.MediaIngested;
import io.contentfactory.contracts.events.MediaType;
import io.contentfactory.testkit.CheckConstraints;
import io.contentfactory.testkit.KafkaResource;
import io.contentfactory.testkit.PostgresResource;
import io.contentfactory.testkit.RowLevelSecurityAudit;
import io.contentfactory.testkit.TestMedia;
import io.contentfactory.testkit.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(FakeIngest.class)
@QuarkusTestResource(FakeOpenAi.class)
class MediaAnalysisIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static HttpServer files;
    /** Signatures the file server no longer honours, as an expired asset URL is refused. */
    private static final java.util.Set<String> REVOKED = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private static Path dir;
    private final TopicProbe kafka = TopicProbe.onTestBroker();

    @BeforeAll
    static void serveFiles() throws Exception {
        dir = Files.createDirectories(Path.of("target/served"));
        files = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        files.createContext("/", exchange -> {
            Path file = dir.resolve(exchange.getRequestURI().getPath().substring(1));
            String query = String.valueOf(exchange.getRequestURI().getQuery());
            if (REVOKED.stream().anyMatch(query::contains)) {
                exchange.sendResponseHeaders(403, -1);
                exchange.close();
                return;
            }
            byte[] body = Files.exists(file) ? Files.readAllBytes(file) : new byte[0];
            exchange.sendResponseHeaders(Files.exists(file) ? 200 : 404, body.length == 0 ? -1 : body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        files.start();
    }

    @AfterAll
    static void stopServing() {
        files.stop(0);
    }

    @Test
    void theDatabaseChecksTheSameStatusesAndStagesAsTheEnums() {
        CheckConstraints.listExactly("analysis_progress_status_check", AnalysisStatus.class);
        CheckConstraints.listExactly("analysis_progress_stage_check", AnalysisStage.class);
        CheckConstraints.listExactly("provider_results_kind_check", ProviderKind.class);
        CheckConstraints.listExactly("provider_results_status_check", ProviderOutcome.class);
    }

    @Test
    void aVerticalClipIsProbedScoredAndAnnounced() throws Exception {
        TestMedia.mp4(dir.resolve("vertical.mp4"), 360, 640, 2.0);
        UUID projectId = UUID.randomUUID();
        UUID mediaId = UUID.randomUUID();
        kafka.send(
                Topics.MEDIA_INGESTED,
                mediaId.toString(),
                ingested(projectId, mediaId, "vertical.mp4", MediaType.VIDEO, "video/mp4"));

        ConsumerRecord<String, String> record =
                kafka.awaitOne(Topics.MEDIA_ANALYZED, r -> r.value().contains(mediaId.toString()), TIMEOUT);
        CloudEvent envelope = EventCodec.parse(record.value());
        MediaAnalyzed analyzed = EventCodec.data(envelope, MediaAnalyzed.class);
        assertThat(record.key()).isEqualTo(projectId.toString());
        assertThat(analyzed.width()).isEqualTo(360);
        assertThat(analyzed.height()).isEqualTo(640);
        assertThat(analyzed.durationSec()).isBetween(1.8, 2.2);
        assertThat(analyzed.preSocialScore()).isBetween(1.0, 100.0);
        assertThat(analyzed.features())
                .as("the coach reads the analysis's features from the event")
                .satisfies(features -> {
                    assertThat(features.framesSampled()).isPositive();
                    assertThat(features.contributions()).isNotEmpty();
                });

        try (Connection c = PostgresResource.database().connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "select resolution, has_audio, pre_social_explanation, pre_social_score, frames_sampled,"
                                + " best_frame_index, music_likely, score_contributions, analyzer_version, best_frame_url"
                                + " from analysis.media_analysis where media_id = '" + mediaId + "'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("360x640");
            assertThat(rs.getBoolean(2)).isTrue();
            assertThat(rs.getString(3))
                    .contains("aspect: vertical 9:16 fits Reels, TikTok and Shorts, +15", "length: 2.0 s");
            assertThat(rs.getDouble(4)).isEqualTo(analyzed.preSocialScore());
            assertThat(rs.getInt(5)).as("one sample a second").isBetween(2, 3);
            assertThat(rs.getInt(6)).isBetween(0, rs.getInt(5) - 1);
            assertThat(rs.getBoolean(7))
                    .as("a steady 440 Hz tone is music-like")
                    .isTrue();
            double sum = 0;
            for (var part : new com.fasterxml.jackson.databind.ObjectMapper().readTree(rs.getString(8))) {
                sum += part.path("points").asDouble();
            }
            assertThat(sum).isCloseTo(analyzed.preSocialScore(), org.assertj.core.data.Offset.offset(0.1));
            assertThat(rs.getString(9)).isEqualTo(io.contentfactory.analysis.service.MediaAnalyzer.VERSION);
            assertThat(rs.getString(10))
                    .isEqualTo(
                            "https://assets.example.com/media/" + projectId + "/" + mediaId + "/thumbnail?signature=t");
        }
        java.awt.image.BufferedImage thumbnail = javax.imageio.ImageIO.read(
                FakeIngest.STORED.resolve(mediaId + ".jpg").toFile());
        assertThat(thumbnail.getWidth()).isEqualTo(360);
        assertThat(thumbnail.getHeight()).isEqualTo(640);

        java.util.List<String> stages = kafka.all(Topics.MEDIA_ANALYSIS_PROGRESSED).stream()
                .filter(r -> r.value().contains(mediaId.toString()))
                .map(r -> EventCodec.data(
                        EventCodec.parse(r.value()), io.contentfactory.contracts.events.MediaAnalysisProgressed.class))
                .map(p -> p.status() + ":" + p.stage() + ":" + p.percent())
                .toList();
        assertThat(stages)
                .startsWith("analyzing:fetching:5", "analyzing:frames:20", "analyzing:sound:60")
                .endsWith("analyzed:done:100");

        io.contentfactory.testkit.InternalTokens tokens =
                io.contentfactory.testkit.InternalTokens.forService("analysis-service");
        io.restassured.RestAssured.given()
                .auth()
                .oauth2(tokens.valid(projectId, "read"))
                .get("/v1/media/" + mediaId + "/analysis")
                .then()
                .statusCode(200)
                .body("progress.status", org.hamcrest.Matchers.equalTo("analyzed"))
                .body(
                        "analyzerVersion",
                        org.hamcrest.Matchers.equalTo(io.contentfactory.analysis.service.MediaAnalyzer.VERSION))
                .body(
                        "explanation",
                        org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.startsWith("aspect: vertical 9:16")))
                .body(
                        "contributions.feature",
                        org.hamcrest.Matchers.hasItems(
                                "hook", "pacing", "length", "aspect", "picture", "speech", "sound", "text"))
                .body("frames.framesWithText", org.hamcrest.Matchers.greaterThan(0))
                .body("viralityFeatures.textShare", org.hamcrest.Matchers.greaterThan(0f))
                .body("viralityFeatures.faceShare", org.hamcrest.Matchers.equalTo(0f))
                .body("viralityFeatures.aspect", org.hamcrest.Matchers.equalTo(0.563f))
                .body("words.sentiment", org.hamcrest.Matchers.greaterThan(0f))
                .body("frames.bestFrameUrl", org.hamcrest.Matchers.endsWith("/thumbnail?signature=t"))
                .body("sound.musicLikely", org.hamcrest.Matchers.equalTo(true))
                .body("providers.kind", org.hamcrest.Matchers.hasItems("frames", "transcript", "captions"));
        io.restassured.RestAssured.given()
                .auth()
                .oauth2(tokens.valid(UUID.randomUUID(), "read"))
                .get("/v1/media/" + mediaId + "/analysis")
                .then()
                .statusCode(404)
                .body("code", org.hamcrest.Matchers.equalTo("not_found"));
    }

    @Test
    void aFileThatDoesNotDecodeGoesToTheDeadLetterTopicAtOnce() throws Exception {
        Files.writeString(dir.resolve("broken.mp4"), "not a video at all");
        UUID mediaId = UUID.randomUUID();
        String event = ingested(UUID.randomUUID(), mediaId, "broken.mp4", MediaType.VIDEO, "video/mp4");
        kafka.send(Topics.MEDIA_INGESTED, mediaId.toString(), event);

        ConsumerRecord<String, String> dead = kafka.awaitOne(
                Topics.deadLetter("analysis-service", Topics.MEDIA_INGESTED),
                r -> r.value().contains(mediaId.toString()),
                TIMEOUT);
        assertThat(new String(dead.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8))
                .contains("FFmpeg cannot open the file");
        var failed = EventCodec.data(
                EventCodec.parse(kafka.awaitOne(
                                Topics.MEDIA_ANALYSIS_PROGRESSED,
                                r -> r.value().contains(mediaId.toString())
                                        && r.value().contains("analysis_failed"),
                                TIMEOUT)
                        .value()),
                io.contentfactory.contracts.events.MediaAnalysisProgressed.class);
        assertThat(failed.reason()).contains("FFmpeg cannot open the file");
    }

    @Test
    void anItemAnalysedByAnEarlierVersionIsAnalysedAgainOnRequestFromAFreshUrlAndOnlyOnce() throws Exception {
        TestMedia.mp4(dir.resolve("again.mp4"), 360, 640, 2.0);
        UUID projectId = UUID.randomUUID();
        UUID mediaId = UUID.randomUUID();
        String signature = "signature=first-" + mediaId;
        kafka.send(
                Topics.MEDIA_INGESTED,
                mediaId.toString(),
                ingested(projectId, mediaId, "again.mp4?" + signature, MediaType.VIDEO, "video/mp4"));
        kafka.awaitOne(Topics.MEDIA_ANALYZED, r -> r.value().contains(mediaId.toString()), TIMEOUT);
        io.contentfactory.testkit.InternalTokens tokens =
                io.contentfactory.testkit.InternalTokens.forService("analysis-service");
        String key = tokens.valid(projectId, "write");

        // Analysed by the current version already: nothing is queued.
        io.restassured.RestAssured.given()
                .auth()
                .oauth2(key)
                .post("/v1/media/" + mediaId + "/analysis")
                .then()
                .statusCode(200)
                .body(
                        "analyzerVersion",
                        org.hamcrest.Matchers.equalTo(io.contentfactory.analysis.service.MediaAnalyzer.VERSION));
        // As if an earlier analyzer had made it; by now its URL has expired.
        update("update analysis.media_analysis set analyzer_version = 'local-1' where media_id = '" + mediaId + "'");
        REVOKED.add(signature);

        io.restassured.RestAssured.given()
                .auth()
                .oauth2(key)
                .post("/v1/media/" + mediaId + "/analysis")
                .then()
                .statusCode(202)
                .body("progress.status", org.hamcrest.Matchers.equalTo("queued"));
        io.restassured.RestAssured.given()
                .auth()
                .oauth2(key)
                .post("/v1/media/" + mediaId + "/analysis")
                .then()
                .statusCode(202);

        org.awaitility.Awaitility.await()
                .atMost(TIMEOUT)
                .until(() -> kafka.all(Topics.MEDIA_ANALYZED).stream()
                                .filter(r -> r.value().contains(mediaId.toString()))
                                .count()
                        == 2);
        io.restassured.RestAssured.given()
                .auth()
                .oauth2(key)
                .get("/v1/media/" + mediaId + "/analysis")
                .then()
                .statusCode(200)
                .body(
                        "analyzerVersion",
                        org.hamcrest.Matchers.equalTo(io.contentfactory.analysis.service.MediaAnalyzer.VERSION))
                .body("progress.status", org.hamcrest.Matchers.equalTo("analyzed"));
        assertThat(count("select count(*) from analysis.media_analysis where media_id = '" + mediaId + "'"))
                .isEqualTo(2);
        assertThat(kafka.all(Topics.MEDIA_ANALYSIS_REQUESTED).stream()
                        .filter(r -> r.value().contains(mediaId.toString())))
                .as("the second request found the first on its way")
                .hasSize(1);

        io.restassured.RestAssured.given()
                .auth()
                .oauth2(tokens.valid(UUID.randomUUID(), "write"))
                .post("/v1/media/" + mediaId + "/analysis")
                .then()
                .statusCode(404)
                .body("code", org.hamcrest.Matchers.equalTo("not_found"));
        io.restassured.RestAssured.given()
                .auth()
                .oauth2(key)
                .post("/v1/media/" + UUID.randomUUID() + "/analysis")
                .then()
                .statusCode(404);
    }

    @Test
    void anItemAnalysedBeforeItsEventWasKeptIsAskedOfIngestServiceToBeAnalysedAgain() throws Exception {
        TestMedia.mp4(dir.resolve("older.mp4"), 360, 640, 2.0);
        UUID projectId = UUID.randomUUID();
        UUID mediaId = UUID.randomUUID();
        kafka.send(
                Topics.MEDIA_INGESTED,
                mediaId.toString(),
                ingested(projectId, mediaId, "older.mp4", MediaType.VIDEO, "video/mp4"));
        kafka.awaitOne(Topics.MEDIA_ANALYZED, r -> r.value().contains(mediaId.toString()), TIMEOUT);
        // As an item analysed by an earlier version, before this service kept what was ingested.
        update("update analysis.media_analysis set analyzer_version = 'local-1' where media_id = '" + mediaId + "'");
        update("delete from analysis.media_sources where media_id = '" + mediaId + "'");
        String key = io.contentfactory.testkit.InternalTokens.forService("analysis-service")
                .valid(projectId, "write");
        io.restassured.RestAssured.given()
                .auth()
                .oauth2(key)
                .post("/v1/media/" + mediaId + "/analysis")
                .then()
                .statusCode(404);

        String fresh = "http://127.0.0.1:" + files.getAddress().getPort() + "/older.mp4?signature=from-ingest";
        Files.writeString(
                FakeIngest.INGESTED.resolve(projectId + "-" + mediaId + ".json"),
                EventCodec.mapper()
                        .writeValueAsString(new MediaIngested(
                                mediaId,
                                "watched_folder",
                                "older.mp4",
                                "video/mp4",
                                MediaType.VIDEO,
                                Files.size(dir.resolve("older.mp4")),
                                "0".repeat(64),
                                fresh)));
        io.restassured.RestAssured.given()
                .auth()
                .oauth2(key)
                .post("/v1/media/" + mediaId + "/analysis")
                .then()
                .statusCode(202);

        org.awaitility.Awaitility.await()
                .atMost(TIMEOUT)
                .until(() -> kafka.all(Topics.MEDIA_ANALYZED).stream()
                                .filter(r -> r.value().contains(mediaId.toString()))
                                .count()
                        == 2);
        assertThat(count("select count(*) from analysis.media_sources where media_id = '" + mediaId + "'"))
                .as("kept from now on")
                .isEqualTo(1);
    }

    @Test
    void projectSettingsHoldTheSwitchTheFrameLimitHashtagsAndTheScoreWeights() throws Exception {
        UUID projectId = UUID.randomUUID();
        io.contentfactory.testkit.InternalTokens tokens =
                io.contentfactory.testkit.InternalTokens.forService("analysis-service");
        String key = tokens.valid(projectId, "write");
        io.restassured.RestAssured.given()
                .auth()
                .oauth2(key)
                .get("/v1/analysis-settings")
                .then()
                .statusCode(200)
                .body("providersEnabled", org.hamcrest.Matchers.equalTo(true))
                .body("maxFramesPerRequest", org.hamcrest.Matchers.equalTo(4))
                .body("weights.hook", org.hamcrest.Matchers.equalTo(20.0f))
                .body("weights.text", org.hamcrest.Matchers.equalTo(5.0f));

        io.restassured.RestAssured.given()
                .auth()
                .oauth2(key)
                .contentType("application/json")
                .body(Map.of(
                        "providersEnabled",
                        false,
                        "maxFramesPerRequest",
                        2,
                        "defaultHashtags",
                        java.util.List.of("#SleepBetter", "tips"),
                        "weights",
                        Map.of("aspect", 60, "hook", 0)))
                .put("/v1/analysis-settings")
                .then()
                .statusCode(200)
                .body("weights.aspect", org.hamcrest.Matchers.equalTo(60.0f));
        io.restassured.RestAssured.given()
                .auth()
                .oauth2(key)
                .get("/v1/analysis-settings")
                .then()
                .statusCode(200)
                .body("providersEnabled", org.hamcrest.Matchers.equalTo(false))
                .body("maxFramesPerRequest", org.hamcrest.Matchers.equalTo(2))
                .body("defaultHashtags", org.hamcrest.Matchers.contains("SleepBetter", "tips"))
                .body("weights.aspect", org.hamcrest.Matchers.equalTo(60.0f))
                .body("weights.hook", org.hamcrest.Matchers.equalTo(0.0f))
                .body("weights.pacing", org.hamcrest.Matchers.equalTo(10.0f));
        io.restassured.RestAssured.given()
                .auth()
                .oauth2(tokens.valid(UUID.randomUUID(), "read"))
                .get("/v1/analysis-settings")
                .then()
                .statusCode(200)
                .body("maxFramesPerRequest", org.hamcrest.Matchers.equalTo(4));

        // The project's weights score what it analyses from now on.
        TestMedia.mp4(dir.resolve("weighted.mp4"), 360, 640, 2.0);
        UUID mediaId = UUID.randomUUID();
        kafka.send(
                Topics.MEDIA_INGESTED,
                mediaId.toString(),
                ingested(projectId, mediaId, "weighted.mp4", MediaType.VIDEO, "video/mp4"));
        MediaAnalyzed analyzed = EventCodec.data(
                EventCodec.parse(
                        kafka.awaitOne(Topics.MEDIA_ANALYZED, r -> r.value().contains(mediaId.toString()), TIMEOUT)
                                .value()),
                MediaAnalyzed.class);
        assertThat(analyzed.hashtags()).containsExactly("#SleepBetter", "#Tips");
        io.restassured.RestAssured.given()
                .auth()
                .oauth2(key)
                .get("/v1/media/" + mediaId + "/analysis")
                .then()
                .statusCode(200)
                .body(
                        "explanation",
                        org.hamcrest.Matchers.hasItem("aspect: vertical 9:16 fits Reels, TikTok and Shorts, +60"))
                .body("explanation", org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.startsWith("hook: ")))
                .body("providers", org.hamcrest.Matchers.empty());

        for (Map<String, Object> refused : java.util.List.<Map<String, Object>>of(
                Map.of("weights", Map.of("virality", 10)),
                Map.of("weights", Map.of("hook", -1)),
                Map.of(
                        "weights",
                        Map.of(
                                "hook", 0, "pacing", 0, "length", 0, "aspect", 0, "picture", 0, "speech", 0, "sound", 0,
                                "text", 0)))) {
            io.restassured.RestAssured.given()
                    .auth()
                    .oauth2(key)
                    .contentType("application/json")
                    .body(refused)
                    .put("/v1/analysis-settings")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("code", org.hamcrest.Matchers.equalTo("invalid_weights"));
        }
        io.restassured.RestAssured.given()
                .auth()
                .oauth2(key)
                .contentType("application/json")
                .body(Map.of("defaultHashtags", java.util.List.of("two words")))
                .put("/v1/analysis-settings")
                .then()
                .statusCode(400)
                .body("code", org.hamcrest.Matchers.equalTo("invalid_hashtag"));
        io.restassured.RestAssured.given()
                .auth()
                .oauth2(key)
                .contentType("application/json")
                .body(Map.of("maxFramesPerRequest", 0))
                .put("/v1/analysis-settings")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        io.restassured.RestAssured.given()
                .auth()
                .oauth2(key)
                .contentType("application/json")
                .body("{not json")
                .put("/v1/analysis-settings")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        io.restassured.RestAssured.given()
                .auth()
                .oauth2(key)
                .get("/v1/analysis-settings")
                .then()
                .statusCode(200)
                .body("weights.aspect", org.hamcrest.Matchers.equalTo(60.0f));
    }

    private static void update(String sql) throws Exception {
        try (Connection c = PostgresResource.database().connect();
                Statement s = c.createStatement()) {
            s.executeUpdate(sql);
        }
    }

    private static long count(String sql) throws Exception {
        try (Connection c = PostgresResource.database().connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private String ingested(UUID projectId, UUID mediaId, String name, MediaType type, String contentType)
            throws Exception {
        String fileName = name.replaceFirst("\\?.*", "");
        Path file = dir.resolve(fileName);
        String url = "http://127.0.0.1:" + files.getAddress().getPort() + "/" + name;
        MediaIngested data = new MediaIngested(
                mediaId, "watched_folder", fileName, contentType, type, Files.size(file), "0".repeat(64), url);
        return EventCodec.toJson(EventCodec.envelope(
                UUID.randomUUID(), "/content-factory/ingest-service", projectId, Instant.now(), data));
    }

    @Test
    void anItemIsComparedWithItsProjectsImportedPatternsAndADeletedPatternStaysDeleted() throws Exception {
        TestMedia.mp4(dir.resolve("skin-care-routine.mp4"), 360, 640, 2.0);
        UUID projectId = UUID.randomUUID();
        UUID resembled = UUID.randomUUID();
        UUID unrelated = UUID.randomUUID();
        UUID deleted = UUID.randomUUID();
        var skin = new io.contentfactory.contracts.events.PatternImported.Pattern(
                resembled, "Your skin care routine is wrong", "cold open", 20, "broll_text", "skincare", "tutorial");
        var blender = new io.contentfactory.contracts.events.PatternImported.Pattern(
                unrelated, "I bought the viral blender", null, 40, "face_cam", "kitchen", "unboxing");
        var gone = new io.contentfactory.contracts.events.PatternImported.Pattern(
                deleted, "Skin care routine, deleted", null, 2, "broll_text", "skincare", "ugc");
        // The deletion arrives before its import: the pattern must not come back.
        kafka.send(
                Topics.PATTERN_DELETED,
                projectId.toString(),
                event(projectId, new io.contentfactory.contracts.events.PatternDeleted(List.of(deleted))));
        kafka.send(
                Topics.PATTERN_IMPORTED,
                projectId.toString(),
                event(
                        projectId,
                        new io.contentfactory.contracts.events.PatternImported(
                                UUID.randomUUID(), List.of(skin, blender, gone))));
        // The two topics are consumed independently: whichever arrives first, the end state is the same.
        await().atMost(TIMEOUT)
                .until(() ->
                        count("select count(*) from analysis.top_patterns where project_id = '" + projectId + "'") == 3
                                && count("select count(*) from analysis.top_patterns where project_id = '" + projectId
                                                + "' and deleted")
                                        == 1);

        UUID mediaId = UUID.randomUUID();
        kafka.send(
                Topics.MEDIA_INGESTED,
                mediaId.toString(),
                ingested(projectId, mediaId, "skin-care-routine.mp4", MediaType.VIDEO, "video/mp4"));
        MediaAnalyzed analyzed = EventCodec.data(
                EventCodec.parse(
                        kafka.awaitOne(Topics.MEDIA_ANALYZED, r -> r.value().contains(mediaId.toString()), TIMEOUT)
                                .value()),
                MediaAnalyzed.class);
        assertThat(analyzed.features().patternOverlap()).singleElement().satisfies(match -> {
            assertThat(match.patternId()).isEqualTo(resembled);
            assertThat(match.sharedWords()).containsExactly("care", "routine", "skin");
            assertThat(match.similarity()).isGreaterThan(0.6);
        });
        assertThat(analyzed.features().contributions())
                .filteredOn(part -> part.feature().equals("pattern_overlap"))
                .singleElement()
                .satisfies(part -> {
                    assertThat(part.points())
                            .as("zero-weighted until weights are learned")
                            .isZero();
                    assertThat(part.reason()).startsWith("resembles pattern \"Your skin care routine is wrong\"");
                });
        io.restassured.RestAssured.given()
                .auth()
                .oauth2(io.contentfactory.testkit.InternalTokens.forService("analysis-service")
                        .valid(projectId, "read"))
                .get("/v1/media/" + mediaId + "/analysis")
                .then()
                .statusCode(200)
                .body("patternOverlap.patternId", org.hamcrest.Matchers.contains(resembled.toString()))
                .body(
                        "explanation",
                        org.hamcrest.Matchers.hasItem(
                                org.hamcrest.Matchers.startsWith("pattern_overlap: resembles pattern")));
    }

    private static String event(UUID projectId, io.contentfactory.contracts.events.PipelineEvent data) {
        return EventCodec.toJson(EventCodec.envelope(
                UUID.randomUUID(), "/content-factory/coach-service", projectId, Instant.now(), data));
    }

    @Test
    void anAccountsLearnedModelScoresTheNextItemAndAResetToTheDefaultsStopsIt() throws Exception {
        TestMedia.mp4(dir.resolve("learned-one.mp4"), 360, 640, 2.2);
        TestMedia.mp4(dir.resolve("learned-two.mp4"), 360, 640, 2.4);
        UUID projectId = UUID.randomUUID();
        String read = io.contentfactory.testkit.InternalTokens.forService("analysis-service")
                .valid(projectId, "read");
        kafka.send(Topics.MODEL_UPDATED, projectId.toString(), event(projectId, learnedModel(3, "learned")));
        await().atMost(TIMEOUT)
                .until(() -> count("select count(*) from analysis.learned_models where project_id = '" + projectId
                                + "' and version = 3")
                        == 1);

        UUID first = analysed(projectId, "learned-one.mp4");
        io.restassured.path.json.JsonPath view = io.restassured.RestAssured.given()
                .auth()
                .oauth2(read)
                .get("/v1/media/" + first + "/analysis")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(view.getInt("learnedScore.modelVersion")).isEqualTo(3);
        assertThat(view.getInt("learnedScore.posts")).isEqualTo(40);
        assertThat(view.getString("learnedScore.accountId")).isEqualTo("17841400000000021");
        float score = view.getFloat("learnedScore.score");
        assertThat(score).isBetween(0f, 100f);
        assertThat(view.getFloat("learnedScore.beatsMedian") * 100)
                .isCloseTo(score, org.assertj.core.api.Assertions.within(0.1f));
        assertThat(view.getFloat("learnedScore.percentileLow"))
                .isLessThanOrEqualTo(view.getFloat("learnedScore.percentile"));
        assertThat(view.getFloat("learnedScore.percentile"))
                .isLessThanOrEqualTo(view.getFloat("learnedScore.percentileHigh"));
        assertThat(view.getList("learnedScore.contributions.feature")).contains("hook", "video");
        assertThat(view.getList("explanation", String.class))
                .anySatisfy(line -> assertThat(line)
                        .startsWith("learned for instagram account 17841400000000021 (model v3, 40 posts at 7d)"));
        io.restassured.RestAssured.given()
                .auth()
                .oauth2(read)
                .get("/v1/analysis-settings")
                .then()
                .statusCode(200)
                .body("weights.hook", org.hamcrest.Matchers.equalTo(20.0f))
                .body("learned[0].version", org.hamcrest.Matchers.equalTo(3))
                .body("learned[0].scoresNewMedia", org.hamcrest.Matchers.equalTo(true))
                .body("learned[0].effects.find { it.feature == 'hook' }.mean", org.hamcrest.Matchers.equalTo(1.0f));

        kafka.send(Topics.MODEL_UPDATED, projectId.toString(), event(projectId, learnedModel(0, "defaults")));
        await().atMost(TIMEOUT)
                .until(() -> count("select count(*) from analysis.learned_models where project_id = '" + projectId
                                + "' and version = 0")
                        == 1);
        UUID second = analysed(projectId, "learned-two.mp4");
        io.restassured.RestAssured.given()
                .auth()
                .oauth2(read)
                .get("/v1/media/" + second + "/analysis")
                .then()
                .statusCode(200)
                .body("learnedScore", org.hamcrest.Matchers.nullValue());
        io.restassured.RestAssured.given()
                .auth()
                .oauth2(read)
                .get("/v1/analysis-settings")
                .then()
                .body("learned[0].source", org.hamcrest.Matchers.equalTo("defaults"))
                .body("learned[0].scoresNewMedia", org.hamcrest.Matchers.equalTo(false));
    }

    /** Sends the file's media.ingested for the project and waits for its media.analyzed; the media's id. */
    private UUID analysed(UUID projectId, String file) throws Exception {
        UUID mediaId = UUID.randomUUID();
        kafka.send(
                Topics.MEDIA_INGESTED,
                mediaId.toString(),
                ingested(projectId, mediaId, file, MediaType.VIDEO, "video/mp4"));
        kafka.awaitOne(Topics.MEDIA_ANALYZED, r -> r.value().contains(mediaId.toString()), TIMEOUT);
        return mediaId;
    }

    /** An Instagram account's model: the hook doubles views (ln 2 ≈ 0.7 per unit, here 1.0), nothing else counts. */
    private static io.contentfactory.contracts.events.ModelUpdated learnedModel(int version, String source) {
        var names = io.contentfactory.contracts.events.LearningFeatures.NAMES;
        boolean learned = version > 0;
        List<io.contentfactory.contracts.events.ModelUpdated.Effect> effects = learned
                ? names.stream()
                        .map(name -> name.equals("hook")
                                ? new io.contentfactory.contracts.events.ModelUpdated.Effect(name, 1.0, 0.6, 1.4)
                                : new io.contentfactory.contracts.events.ModelUpdated.Effect(name, 0, -0.2, 0.2))
                        .toList()
                : List.of();
        double[][] covariance = new double[learned ? names.size() : 0][];
        for (int i = 0; i < covariance.length; i++) {
            covariance[i] = new double[names.size()];
            covariance[i][i] = 0.01;
        }
        List<Double> quantiles = learned
                ? java.util.stream.IntStream.rangeClosed(0, 20)
                        .mapToObj(i -> -1 + i / 10.0)
                        .toList()
                : List.of();
        return new io.contentfactory.contracts.events.ModelUpdated(
                io.contentfactory.contracts.events.Platform.INSTAGRAM,
                "17841400000000021",
                version,
                source,
                learned ? 40 : 0,
                "7d",
                learned ? Instant.parse("2026-12-01T00:00:00Z") : null,
                effects,
                covariance,
                learned ? 0.25 : 0,
                quantiles,
                learned ? "UTC" : null,
                List.of(),
                null);
    }

    @Test
    void rowLevelSecurityGuardsEveryTable() throws Exception {
        RowLevelSecurityAudit.assertIsolated("analysis", "cf_analysis", Map.of(), Map.of());
    }
}
