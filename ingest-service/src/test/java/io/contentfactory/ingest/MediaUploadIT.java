package io.contentfactory.ingest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.contentfactory.contracts.EventCodec;
import io.contentfactory.contracts.Topics;
import io.contentfactory.contracts.events.MediaIngested;
import io.contentfactory.contracts.events.MediaRejected;
import io.contentfactory.testkit.InternalTokens;
import io.contentfactory.testkit.KafkaResource;
import io.contentfactory.testkit.PostgresResource;
import io.contentfactory.testkit.TestMedia;
import io.contentfactory.testkit.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** POST /v1/media with real files made in the test: each ends ingested with what FFmpeg found, or refused with its reason. */
@QuarkusTest
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(PostgresResource.class)
class MediaUploadIT {

    private static final InternalTokens TOKENS = InternalTokens.forService("ingest-service");
    private final TopicProbe kafka = TopicProbe.onTestBroker();
    private UUID projectId;

    @TempDir
    Path dir;

    @TestHTTPResource("/")
    URL base;

    @BeforeEach
    void project() {
        projectId = UUID.randomUUID();
    }

    @Test
    void aVideoWithAToneIsProbedStoredAnnouncedAndServedUnderASignedUrl() throws Exception {
        byte[] clip = Files.readAllBytes(TestMedia.mp4(dir.resolve("clip.mp4"), 360, 640, 2));

        JsonPath item = upload(clip, "morning.mp4", "video/mp4")
                .then()
                .statusCode(201)
                .header("Location", startsWith("/v1/media/"))
                .extract()
                .jsonPath();

        assertThat(item.getString("status")).isEqualTo("ingested");
        assertThat(item.getString("mediaType")).isEqualTo("video");
        assertThat(item.getString("contentType")).isEqualTo("video/mp4");
        assertThat(item.getString("container")).contains("mp4");
        assertThat(item.getString("videoCodec")).isEqualTo("mpeg4");
        assertThat(item.getString("audioCodec")).isEqualTo("aac");
        assertThat(item.getBoolean("hasAudio")).isTrue();
        assertThat(item.getDouble("durationSec")).isBetween(1.9, 2.2);
        assertThat(item.getString("resolution")).isEqualTo("360x640");
        assertThat(item.getDouble("frameRate")).isEqualTo(25.0);
        assertThat(item.getString("platformHint")).isEqualTo("multi");
        assertThat(item.getLong("bytesReceived")).isEqualTo(clip.length);

        MediaIngested event = EventCodec.data(
                EventCodec.parse(kafka.awaitOne(
                                Topics.MEDIA_INGESTED,
                                r -> r.value().contains(item.getString("id")),
                                Duration.ofSeconds(60))
                        .value()),
                MediaIngested.class);
        assertThat(event.durationSec()).isBetween(1.9, 2.2);
        assertThat(event.width()).isEqualTo(360);
        assertThat(event.contentUrl()).contains("expires=").contains("signature=");
        byte[] served = given().get(relative(event.contentUrl()))
                .then()
                .statusCode(200)
                .contentType("video/mp4")
                .extract()
                .asByteArray();
        assertThat(served).isEqualTo(clip);
    }

    @Test
    void anAlteredOrMisdirectedAssetUrlIsRefused() throws Exception {
        JsonPath item = upload(TestMedia.jpeg(64, 64), "a.jpg", "image/jpeg")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        String url = relative(item.getString("contentUrl"));

        given().get(tampered(url)).then().statusCode(403).body("code", equalTo("invalid_signature"));
        given().get(url.replace(item.getString("id"), UUID.randomUUID().toString()))
                .then()
                .statusCode(403)
                .body("code", equalTo("invalid_signature"));
        given().get(url.replaceFirst("expires=\\d+", "expires=" + (System.currentTimeMillis() / 1000 + 999_999)))
                .then()
                .statusCode(403)
                .body("code", equalTo("invalid_signature"));
        given().get(url.replaceFirst("\\?.*", "")).then().statusCode(403);
    }

    @Test
    void theInternalRouteRenewsOurAssetUrlsForPublisherAndAnalysisServiceOnly() throws Exception {
        JsonPath item = upload(TestMedia.jpeg(70, 70), "renew.jpg", "image/jpeg")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        String url = item.getString("contentUrl");
        byte[] key = io.contentfactory.auth.ServiceCallTokens.readKey("aW5nZXN0LXRlc3QtcHVibGlzaGVyLWNhbGwta2V5LTAx");
        String token = io.contentfactory.auth.ServiceCallTokens.mint(
                key, "publisher-service", "ingest-service", java.time.Instant.now());

        String renewed = given().header("Service-Authorization", "Bearer " + token)
                .contentType("application/json")
                .body(java.util.Map.of("url", url))
                .post("/internal/v1/asset-urls/refresh")
                .then()
                .statusCode(200)
                .extract()
                .path("url");
        given().get(relative(renewed)).then().statusCode(200).contentType("image/jpeg");
        byte[] analysisKey =
                io.contentfactory.auth.ServiceCallTokens.readKey("aW5nZXN0LXRlc3QtYW5hbHlzaXMtY2FsbC1rZXktMDE");
        String asAnalysis = io.contentfactory.auth.ServiceCallTokens.mint(
                analysisKey, "analysis-service", "ingest-service", java.time.Instant.now());
        String forAnalysis = given().header("Service-Authorization", "Bearer " + asAnalysis)
                .contentType("application/json")
                .body(java.util.Map.of("url", url))
                .post("/internal/v1/asset-urls/refresh")
                .then()
                .statusCode(200)
                .extract()
                .path("url");
        given().get(relative(forAnalysis)).then().statusCode(200).contentType("image/jpeg");

        given().contentType("application/json")
                .body(java.util.Map.of("url", url))
                .post("/internal/v1/asset-urls/refresh")
                .then()
                .statusCode(401)
                .body("code", equalTo("service_unauthorized"));
        String otherCaller = io.contentfactory.auth.ServiceCallTokens.mint(
                key, "metrics-service", "ingest-service", java.time.Instant.now());
        given().header("Service-Authorization", "Bearer " + otherCaller)
                .contentType("application/json")
                .body(java.util.Map.of("url", url))
                .post("/internal/v1/asset-urls/refresh")
                .then()
                .statusCode(401);
        given().header("Service-Authorization", "Bearer " + token)
                .contentType("application/json")
                .body(java.util.Map.of("url", tampered(url)))
                .post("/internal/v1/asset-urls/refresh")
                .then()
                .statusCode(403)
                .body("code", equalTo("not_an_asset_url"));
    }

    @Test
    void analysisServiceReadsAnItemAsItWasIngestedWithFreshUrls() throws Exception {
        JsonPath item = upload(TestMedia.png(90, 60), "asked.png", "image/png")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        String id = item.getString("id");
        byte[] analysisKey =
                io.contentfactory.auth.ServiceCallTokens.readKey("aW5nZXN0LXRlc3QtYW5hbHlzaXMtY2FsbC1rZXktMDE");
        String asAnalysis = "Bearer "
                + io.contentfactory.auth.ServiceCallTokens.mint(
                        analysisKey, "analysis-service", "ingest-service", java.time.Instant.now());
        String path = "/internal/v1/media/" + projectId + "/" + id + "/ingested";

        JsonPath ingested = given().header("Service-Authorization", asAnalysis)
                .get(path)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(ingested.getString("mediaId")).isEqualTo(id);
        assertThat(ingested.getString("fileName")).isEqualTo("asked.png");
        assertThat(ingested.getString("sha256")).isEqualTo(item.getString("sha256"));
        given().get(relative(ingested.getString("contentUrl")))
                .then()
                .statusCode(200)
                .contentType("image/png");
        given().get(relative(ingested.getString("jpegUrl")))
                .then()
                .statusCode(200)
                .contentType("image/jpeg");

        given().header("Service-Authorization", asAnalysis)
                .get("/internal/v1/media/" + UUID.randomUUID() + "/" + id + "/ingested")
                .then()
                .statusCode(404);
        given().header("Service-Authorization", asAnalysis)
                .get("/internal/v1/media/" + projectId + "/" + UUID.randomUUID() + "/ingested")
                .then()
                .statusCode(404);
        byte[] publisherKey =
                io.contentfactory.auth.ServiceCallTokens.readKey("aW5nZXN0LXRlc3QtcHVibGlzaGVyLWNhbGwta2V5LTAx");
        given().header(
                        "Service-Authorization",
                        "Bearer "
                                + io.contentfactory.auth.ServiceCallTokens.mint(
                                        publisherKey, "publisher-service", "ingest-service", java.time.Instant.now()))
                .get(path)
                .then()
                .statusCode(403);
        given().get(path).then().statusCode(401);
    }

    @Test
    void schedulerServiceAsksWhereAnItemStandsAndOnlyItMay() {
        String id = upload(TestMedia.jpeg(64, 48), "early.jpg", "image/jpeg")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        byte[] schedulerKey =
                io.contentfactory.auth.ServiceCallTokens.readKey("aW5nZXN0LXRlc3Qtc2NoZWR1bGVyLWNhbGwta2V5LTAx");
        String asScheduler = "Bearer "
                + io.contentfactory.auth.ServiceCallTokens.mint(
                        schedulerKey, "scheduler-service", "ingest-service", java.time.Instant.now());
        String path = "/internal/v1/media/" + projectId + "/" + id + "/state";

        given().header("Service-Authorization", asScheduler)
                .get(path)
                .then()
                .statusCode(200)
                .body("mediaId", equalTo(id))
                .body("status", equalTo("ingested"));
        given().header("Service-Authorization", asScheduler)
                .get("/internal/v1/media/" + UUID.randomUUID() + "/" + id + "/state")
                .then()
                .statusCode(404);
        byte[] analysisKey =
                io.contentfactory.auth.ServiceCallTokens.readKey("aW5nZXN0LXRlc3QtYW5hbHlzaXMtY2FsbC1rZXktMDE");
        given().header(
                        "Service-Authorization",
                        "Bearer "
                                + io.contentfactory.auth.ServiceCallTokens.mint(
                                        analysisKey, "analysis-service", "ingest-service", java.time.Instant.now()))
                .get(path)
                .then()
                .statusCode(403);
        given().get(path).then().statusCode(401);
    }

    @Test
    void analysisServiceStoresAThumbnailThatIsServedUnderItsOwnSignedUrl() throws Exception {
        String id = upload(
                        Files.readAllBytes(TestMedia.mp4(dir.resolve("thumb.mp4"), 320, 240, 1)),
                        "thumb.mp4",
                        "video/mp4")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        byte[] analysisKey =
                io.contentfactory.auth.ServiceCallTokens.readKey("aW5nZXN0LXRlc3QtYW5hbHlzaXMtY2FsbC1rZXktMDE");
        String asAnalysis = "Bearer "
                + io.contentfactory.auth.ServiceCallTokens.mint(
                        analysisKey, "analysis-service", "ingest-service", java.time.Instant.now());
        byte[] thumbnail = TestMedia.jpeg(160, 120);
        String path = "/internal/v1/media/" + projectId + "/" + id + "/thumbnail";

        String url = given().header("Service-Authorization", asAnalysis)
                .contentType("image/jpeg")
                .body(thumbnail)
                .put(path)
                .then()
                .statusCode(200)
                .extract()
                .path("url");

        assertThat(given().get(relative(url))
                        .then()
                        .statusCode(200)
                        .contentType("image/jpeg")
                        .extract()
                        .asByteArray())
                .isEqualTo(thumbnail);
        given().auth()
                .oauth2(TOKENS.valid(projectId, "read"))
                .get("/v1/media/" + id)
                .then()
                .statusCode(200)
                .body("thumbnailUrl", startsWith("http"));
        given().header("Service-Authorization", asAnalysis)
                .contentType("image/jpeg")
                .body(new byte[] {1, 2, 3})
                .put(path)
                .then()
                .statusCode(400)
                .body("code", equalTo("not_jpeg"));
        given().header("Service-Authorization", asAnalysis)
                .contentType("image/jpeg")
                .body(thumbnail)
                .put("/internal/v1/media/" + UUID.randomUUID() + "/" + id + "/thumbnail")
                .then()
                .statusCode(404);
        byte[] publisherKey =
                io.contentfactory.auth.ServiceCallTokens.readKey("aW5nZXN0LXRlc3QtcHVibGlzaGVyLWNhbGwta2V5LTAx");
        given().header(
                        "Service-Authorization",
                        "Bearer "
                                + io.contentfactory.auth.ServiceCallTokens.mint(
                                        publisherKey, "publisher-service", "ingest-service", java.time.Instant.now()))
                .contentType("image/jpeg")
                .body(thumbnail)
                .put(path)
                .then()
                .statusCode(403)
                .body("code", equalTo("service_forbidden"));
        given().contentType("image/jpeg").body(thumbnail).put(path).then().statusCode(401);
    }

    @Test
    void theAnalysisProgressIsShownOnTheItemAndItsEndMakesItAnalyzed() throws Exception {
        String id = upload(TestMedia.jpeg(80, 60), "progress.jpg", "image/jpeg")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        UUID mediaId = UUID.fromString(id);

        kafka.send(Topics.MEDIA_ANALYSIS_PROGRESSED, id, progressed(mediaId, "analyzing", "frames", 20));
        await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> given().auth()
                                .oauth2(TOKENS.valid(projectId, "read"))
                                .get("/v1/media/" + id)
                                .then()
                                .extract()
                                .path("analysis.stage"),
                        "frames"::equals);
        given().auth()
                .oauth2(TOKENS.valid(projectId, "read"))
                .get("/v1/media/" + id)
                .then()
                .body("analysis.percent", equalTo(20))
                .body("status", equalTo("ingested"));

        kafka.send(Topics.MEDIA_ANALYSIS_PROGRESSED, id, progressed(mediaId, "analyzed", "done", 100));
        await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> given().auth()
                                .oauth2(TOKENS.valid(projectId, "read"))
                                .get("/v1/media/" + id)
                                .then()
                                .extract()
                                .path("status"),
                        "analyzed"::equals);
        given().auth()
                .oauth2(TOKENS.valid(projectId, "read"))
                .get("/v1/media/" + id)
                .then()
                .body("analysis.status", equalTo("analyzed"))
                .body("analysis.percent", equalTo(100));
    }

    private String progressed(UUID mediaId, String status, String stage, int percent) {
        return EventCodec.toJson(EventCodec.envelope(
                UUID.randomUUID(),
                "/content-factory/analysis-service",
                projectId,
                java.time.Instant.now(),
                new io.contentfactory.contracts.events.MediaAnalysisProgressed(mediaId, status, stage, percent, null)));
    }

    @Test
    void aPngIsAlsoStoredAsAJpegRenditionForInstagramAndAFittingJpegIsNot() throws Exception {
        JsonPath png = upload(TestMedia.png(2000, 1000), "graphic.png", "image/png")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        JsonPath jpeg = upload(TestMedia.jpeg(1080, 1350), "photo.jpg", "image/jpeg")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();

        assertThat(png.getString("videoCodec")).isEqualTo("png");
        assertThat(png.getString("platformHint")).isEqualTo("instagram");
        byte[] rendition = given().get(relative(png.getString("jpegUrl")))
                .then()
                .statusCode(200)
                .contentType("image/jpeg")
                .extract()
                .asByteArray();
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(rendition));
        assertThat(decoded.getWidth()).isEqualTo(1440);
        assertThat(decoded.getHeight()).isEqualTo(720);
        assertThat(jpeg.getString("jpegUrl")).isNull();
        assertThat(jpeg.getString("resolution")).isEqualTo("1080x1350");
    }

    @Test
    void filesThatAreNotMediaWeTakeAreRefusedWithTheirReasonAndKeptAsRejected() throws Exception {
        Path whole = TestMedia.mp4(dir.resolve("whole.mp4"), 320, 240, 2);
        expectRejected(TestMedia.truncated(whole, 0.6), "cut.mp4", "video/mp4", "corrupt_media");
        expectRejected(
                "just some notes\n".repeat(50).getBytes(StandardCharsets.UTF_8),
                "notes.mp4",
                "video/mp4",
                "unsupported_type");
        expectRejected(new byte[0], "empty.mp4", "video/mp4", "empty_file");
        expectRejected(TestMedia.heicLike(), "IMG_0001.HEIC", "image/heic", "unsupported_type");
        expectRejected(TestMedia.png(4500, 20), "banner.png", "image/png", "resolution_too_high");

        JsonPath rejected = given().auth()
                .oauth2(TOKENS.valid(projectId, "read"))
                .queryParam("status", "rejected")
                .get("/v1/media")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(rejected.getList("items.fileName"))
                .containsExactlyInAnyOrder("cut.mp4", "notes.mp4", "empty.mp4", "IMG_0001.HEIC", "banner.png");
        assertThat(rejected.getList("items.rejectReason", String.class))
                .allSatisfy(reason -> assertThat(reason).contains(": "));
        for (Map<String, Object> item : rejected.<Map<String, Object>>getList("items")) {
            MediaRejected told = rejection(String.valueOf(item.get("id")));
            assertThat(told.status()).isEqualTo("rejected");
            assertThat(told.reason()).isEqualTo(item.get("rejectReason"));
        }
    }

    /** The one {@code media.rejected} an item that ended without becoming media emitted. */
    private MediaRejected rejection(String mediaId) {
        kafka.awaitOne(Topics.MEDIA_REJECTED, r -> r.key().equals(mediaId), Duration.ofSeconds(60));
        return kafka.all(Topics.MEDIA_REJECTED).stream()
                .filter(r -> r.key().equals(mediaId))
                .map(r -> EventCodec.data(EventCodec.parse(r.value()), MediaRejected.class))
                .reduce((a, b) -> {
                    throw new AssertionError("two media.rejected for " + mediaId);
                })
                .orElseThrow();
    }

    @Test
    void theSameBytesAgainAreADuplicateOfTheFirstItem() throws Exception {
        byte[] jpeg = TestMedia.jpeg(50, 60);
        String first = upload(jpeg, "one.jpg", "image/jpeg")
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        String second = upload(jpeg, "two.jpg", "image/jpeg")
                .then()
                .statusCode(200)
                .body("status", equalTo("duplicate"))
                .body("duplicateOf", equalTo(first))
                .header("Content-Location", equalTo("/v1/media/" + first))
                .extract()
                .path("id");
        MediaRejected told = rejection(second);
        assertThat(told.status()).isEqualTo("duplicate");
        assertThat(told.duplicateOf()).hasToString(first);
    }

    @Test
    void aMultipartFormUploadIsIngestedUnderItsPartsFileName() throws Exception {
        given().auth()
                .oauth2(TOKENS.valid(projectId, "write"))
                .multiPart("file", "square.jpg", TestMedia.jpeg(90, 90), "image/jpeg")
                .post("/v1/media")
                .then()
                .statusCode(201)
                .body("fileName", equalTo("square.jpg"))
                .body("status", equalTo("ingested"))
                .body("sourceType", equalTo("upload"));
        given().auth()
                .oauth2(TOKENS.valid(projectId, "write"))
                .multiPart("other", "x.jpg", new byte[] {1}, "image/jpeg")
                .post("/v1/media")
                .then()
                .statusCode(400)
                .body("code", equalTo("missing_file"));
    }

    @Test
    void aSlowUploadShowsItsBytesSoFarWhileItArrives() throws Exception {
        byte[] clip = Files.readAllBytes(TestMedia.mp4(dir.resolve("slow.mp4"), 320, 240, 3));
        HttpRequest request = HttpRequest.newBuilder(base.toURI().resolve("/v1/media?fileName=slow.mp4"))
                .header("Authorization", "Bearer " + TOKENS.valid(projectId, "write"))
                .header("Content-Type", "video/mp4")
                .POST(HttpRequest.BodyPublishers.fromPublisher(
                        HttpRequest.BodyPublishers.ofInputStream(() -> new Trickle(clip)), clip.length))
                .build();
        CompletableFuture<HttpResponse<String>> response =
                HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofString());

        JsonPath receiving = await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(
                        () -> given().auth()
                                .oauth2(TOKENS.valid(projectId, "read"))
                                .queryParam("status", "receiving")
                                .get("/v1/media")
                                .then()
                                .statusCode(200)
                                .extract()
                                .jsonPath(),
                        page -> page.getList("items").size() == 1 && page.getLong("items[0].bytesReceived") > 0);
        assertThat(receiving.getLong("items[0].bytesReceived")).isLessThan(clip.length);
        assertThat(receiving.getLong("items[0].bytesExpected")).isEqualTo(clip.length);
        assertThat(receiving.getInt("items[0].percentReceived")).isBetween(1, 99);
        String id = receiving.getString("items[0].id");

        assertThat(response.get().statusCode()).isEqualTo(201);
        given().auth()
                .oauth2(TOKENS.valid(projectId, "read"))
                .get("/v1/media/" + id)
                .then()
                .statusCode(200)
                .body("status", equalTo("ingested"))
                .body("bytesReceived", equalTo(clip.length));
    }

    /** A body that arrives in small pieces, slowly enough for the progress to be seen. */
    private static final class Trickle extends InputStream {
        private final byte[] bytes;
        private int position;

        Trickle(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) == -1 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] target, int offset, int length) {
            if (position >= bytes.length) {
                return -1;
            }
            try {
                Thread.sleep(60);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            int n = Math.min(Math.min(length, bytes.length / 40 + 1), bytes.length - position);
            System.arraycopy(bytes, position, target, offset, n);
            position += n;
            return n;
        }
    }

    private void expectRejected(byte[] bytes, String name, String contentType, String code) {
        String mediaId = upload(bytes, name, contentType)
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("code", equalTo(code))
                .extract()
                .path("errors.mediaId");
        given().auth()
                .oauth2(TOKENS.valid(projectId, "read"))
                .get("/v1/media/" + mediaId)
                .then()
                .statusCode(200)
                .body("status", equalTo("rejected"))
                .body("rejectReason", startsWith(code + ": "))
                .body("fileName", equalTo(name));
    }

    @Test
    void anItemMadeFromADerivativePlanNamesItOnTheItemAndItsEvent() {
        UUID plan = UUID.randomUUID();
        JsonPath item = given().auth()
                .oauth2(TOKENS.valid(projectId, "write"))
                .contentType("image/jpeg")
                .body(TestMedia.jpeg(71, 53))
                .queryParam("fileName", "remake.jpg")
                .queryParam("derivedFromPlanId", plan)
                .post("/v1/media")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        assertThat(item.getString("derivedFromPlanId")).isEqualTo(plan.toString());
        MediaIngested event = EventCodec.data(
                EventCodec.parse(kafka.awaitOne(
                                Topics.MEDIA_INGESTED,
                                r -> r.value().contains(item.getString("id")),
                                Duration.ofSeconds(60))
                        .value()),
                MediaIngested.class);
        assertThat(event.derivedFromPlanId()).isEqualTo(plan);

        given().auth()
                .oauth2(TOKENS.valid(projectId, "write"))
                .contentType("image/jpeg")
                .body(TestMedia.jpeg(72, 53))
                .queryParam("derivedFromPlanId", "not-a-plan")
                .post("/v1/media")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("invalid_id"));
        assertThat(given().auth()
                        .oauth2(TOKENS.valid(projectId, "read"))
                        .get("/v1/media")
                        .jsonPath()
                        .getList("items"))
                .as("a refused upload leaves no item")
                .hasSize(1);
    }

    @Test
    void studioServiceHandsInAGeneratedPostThatKeepsItsProvenanceAndOnlyItMay() throws Exception {
        byte[] clip = Files.readAllBytes(TestMedia.mp4(dir.resolve("generated.mp4"), 360, 640, 2));
        byte[] studioKey =
                io.contentfactory.auth.ServiceCallTokens.readKey("aW5nZXN0LXRlc3Qtc3R1ZGlvLWNhbGwta2V5LTAwMDE");
        String asStudio = "Bearer "
                + io.contentfactory.auth.ServiceCallTokens.mint(
                        studioKey, "studio-service", "ingest-service", java.time.Instant.now());
        String route = "/internal/v1/media/" + projectId + "/generated";
        String provenance = "{\"generationId\":\"" + UUID.randomUUID()
                + "\",\"shots\":[{\"index\":0,\"model\":\"fal-ai/veo3\",\"providerRequestId\":\"r-1\"}]}";

        String id = given().header("Service-Authorization", asStudio)
                .multiPart("file", "generated.mp4", clip, "video/mp4")
                .multiPart("provenance", provenance)
                .post(route)
                .then()
                .statusCode(201)
                .body("sourceType", equalTo("generated"))
                .body("provenance.shots[0].providerRequestId", equalTo("r-1"))
                .extract()
                .path("id");
        given().auth()
                .oauth2(TOKENS.valid(projectId, "read"))
                .get("/v1/media/{id}", id)
                .then()
                .statusCode(200)
                .body("sourceType", equalTo("generated"))
                .body("provenance.shots[0].model", equalTo("fal-ai/veo3"));
        // The same bytes again (a hand-off retried after a crash) answer the item already made.
        given().header("Service-Authorization", asStudio)
                .multiPart("file", "generated.mp4", clip, "video/mp4")
                .multiPart("provenance", provenance)
                .post(route)
                .then()
                .statusCode(200)
                .body("duplicateOf", equalTo(id));

        given().header("Service-Authorization", asStudio)
                .multiPart("file", "generated.mp4", clip, "video/mp4")
                .multiPart("provenance", "[1, 2]")
                .post(route)
                .then()
                .statusCode(400)
                .body("code", equalTo("provenance_invalid"));
        byte[] analysisKey =
                io.contentfactory.auth.ServiceCallTokens.readKey("aW5nZXN0LXRlc3QtYW5hbHlzaXMtY2FsbC1rZXktMDE");
        given().header(
                        "Service-Authorization",
                        "Bearer "
                                + io.contentfactory.auth.ServiceCallTokens.mint(
                                        analysisKey, "analysis-service", "ingest-service", java.time.Instant.now()))
                .multiPart("file", "generated.mp4", clip, "video/mp4")
                .multiPart("provenance", provenance)
                .post(route)
                .then()
                .statusCode(403);
        given().multiPart("file", "generated.mp4", clip, "video/mp4")
                .multiPart("provenance", provenance)
                .post(route)
                .then()
                .statusCode(401);
    }

    private io.restassured.response.Response upload(byte[] bytes, String name, String contentType) {
        return given().auth()
                .oauth2(TOKENS.valid(projectId, "write"))
                .contentType(contentType)
                .body(bytes)
                .queryParam("fileName", name)
                .post("/v1/media");
    }

    private static String relative(String absolute) {
        return absolute.replaceFirst("^https?://[^/]+", "");
    }

    /** The URL with its signature's first character changed (to another one, whatever it was). */
    private static String tampered(String url) {
        int at = url.indexOf("signature=") + "signature=".length();
        return url.substring(0, at) + (url.charAt(at) == 'A' ? 'B' : 'A') + url.substring(at + 1);
    }
}
