package io.contentfactory.ingest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.contentfactory.contracts.EventCodec;
import io.contentfactory.contracts.Topics;
import io.contentfactory.contracts.events.MediaRejected;
import io.contentfactory.testkit.InternalTokens;
import io.contentfactory.testkit.KafkaResource;
import io.contentfactory.testkit.PostgresResource;
import io.contentfactory.testkit.TestMedia;
import io.contentfactory.testkit.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * POST /v1/media:import against a local HTTP server. That server is the one source let through, by this profile's
 * explicit trusted origin; every other loopback or private address, and every trick to reach one, is refused.
 */
@QuarkusTest
@TestProfile(UrlImportIT.LocalSource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(PostgresResource.class)
class UrlImportIT {

    private static final InternalTokens TOKENS = InternalTokens.forService("ingest-service");
    private static final long IMPORT_LIMIT = 2 * 1024 * 1024;
    private static final long UPLOAD_LIMIT = 3 * 1024 * 1024;
    private final TopicProbe kafka = TopicProbe.onTestBroker();
    private UUID projectId;

    @io.quarkus.test.common.http.TestHTTPResource("/")
    java.net.URL base;

    public static class LocalSource implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "factory.ingest.importing.trusted-origins",
                    "http://127.0.0.1:" + SourceServer.port(),
                    "factory.ingest.importing.max-size",
                    Long.toString(IMPORT_LIMIT),
                    "factory.ingest.limits.max-size",
                    Long.toString(UPLOAD_LIMIT),
                    "factory.ingest.limits.max-duration",
                    "PT2S");
        }
    }

    @BeforeEach
    void project() {
        projectId = UUID.randomUUID();
    }

    @Test
    void aFileFromTheTrustedSourceIsImportedUnderItsUrlsFileName() {
        JsonPath accepted = importing(source("/cdn/video/upload/v1699/folder/launch%20teaser.mp4#t=3"))
                .then()
                .statusCode(202)
                .body("status", equalTo("receiving"))
                .body("sourceType", equalTo("url_import"))
                .extract()
                .jsonPath();

        JsonPath done = awaitSettled(accepted.getString("id"));
        assertThat(done.getString("status")).isEqualTo("ingested");
        assertThat(done.getString("fileName")).isEqualTo("launch teaser.mp4");
        assertThat(done.getString("sourceUrl")).doesNotContain("#");
        assertThat(done.getString("videoCodec")).isEqualTo("mpeg4");
        assertThat(done.getLong("bytesReceived")).isEqualTo(SourceServer.CLIP.length);
    }

    @Test
    void aSlowImportShowsItsBytesSoFar() {
        String id = importing(source("/trickle.mp4"))
                .then()
                .statusCode(202)
                .extract()
                .path("id");

        JsonPath partway = await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(50))
                .until(
                        () -> given().auth()
                                .oauth2(TOKENS.valid(projectId, "read"))
                                .get("/v1/media/" + id)
                                .then()
                                .statusCode(200)
                                .extract()
                                .jsonPath(),
                        item -> item.getLong("bytesReceived") > 0);
        assertThat(partway.getString("status")).isEqualTo("receiving");
        assertThat(partway.getLong("bytesReceived")).isLessThan(SourceServer.CLIP.length);
        assertThat(awaitSettled(id).getString("status")).isEqualTo("ingested");
    }

    @Test
    void aRedirectWithinTheTrustedSourceIsFollowed() {
        String id = importing(source("/redirect/relative"))
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        assertThat(awaitSettled(id).getString("status")).isEqualTo("ingested");
    }

    @Test
    void urlsThatAreNotHttpsOrNamePrivateAddressesAreRefusedBeforeAnyRequest() {
        refusedAtOnce("http://example.com/video.mp4", "url_scheme_not_allowed");
        refusedAtOnce("ftp://example.com/video.mp4", "url_scheme_not_allowed");
        refusedAtOnce("file:///etc/passwd", "invalid_url");
        refusedAtOnce("not a url", "invalid_url");
        refusedAtOnce("https://user:secret@example.com/video.mp4", "credentials_in_url");
        refusedAtOnce("https://127.0.0.1:" + SourceServer.port() + "/cdn/x.mp4", "address_not_allowed");
        refusedAtOnce("https://10.1.2.3/video.mp4", "address_not_allowed");
        refusedAtOnce("https://192.168.0.10/video.mp4", "address_not_allowed");
        refusedAtOnce("https://169.254.169.254/latest/meta-data/", "address_not_allowed");
        refusedAtOnce("https://[::1]/video.mp4", "address_not_allowed");
        refusedAtOnce("https://[::ffff:127.0.0.1]/video.mp4", "address_not_allowed");
        // A DNS name is resolved and each of its addresses checked: localhost is loopback whatever it is called.
        refusedAtOnce("https://localhost/video.mp4", "address_not_allowed");
        refusedAtOnce("https://no-such-host.invalid/video.mp4", "host_not_found");

        given().auth()
                .oauth2(TOKENS.valid(projectId, "read"))
                .get("/v1/media")
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(0));
    }

    @Test
    void redirectsArecheckedAtEveryHop() {
        assertFailed("/redirect/loopback", "address_not_allowed", "loopback");
        assertFailed("/redirect/metadata", "address_not_allowed", "cloud metadata");
        assertFailed("/redirect/plain-http", "url_scheme_not_allowed", "https");
        assertFailed("/redirect/loop", "too_many_redirects", "5 times");
    }

    @Test
    void oversizedSlowAndFailingSourcesEndFailedWithTheirCode() {
        assertFailed("/big", "too_large", "limit");
        assertFailed("/big-declared", "too_large", "announces");
        assertFailed("/slow", "timeout", "sent nothing");
        assertFailed("/missing", "source_status", "404");
    }

    @Test
    void anImportedFileIsHeldToTheSameLimitsAsAnyOther() {
        String id =
                importing(source("/long.mp4")).then().statusCode(202).extract().path("id");
        JsonPath done = awaitSettled(id);
        assertThat(done.getString("status")).isEqualTo("rejected");
        assertThat(done.getString("rejectReason")).startsWith("too_long: ");
    }

    @Test
    void anUploadOverTheSizeLimitIsRefusedWhetherItsLengthIsAnnouncedOrNot() throws Exception {
        byte[] tooBig = new byte[(int) UPLOAD_LIMIT + 1];
        given().auth()
                .oauth2(TOKENS.valid(projectId, "write"))
                .contentType("application/octet-stream")
                .body(tooBig)
                .queryParam("fileName", "announced.mp4")
                .post("/v1/media")
                .then()
                .statusCode(413)
                .contentType("application/problem+json")
                .body("code", equalTo("too_large"));

        // Without a Content-Length (chunked), the limit is found only as the bytes arrive: the item that was opened
        // fails.
        java.net.http.HttpResponse<String> chunked = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(base.toURI().resolve("/v1/media?fileName=chunked.mp4"))
                                .header("Authorization", "Bearer " + TOKENS.valid(projectId, "write"))
                                .header("Content-Type", "application/octet-stream")
                                .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(
                                        () -> new java.io.ByteArrayInputStream(tooBig)))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(chunked.statusCode()).isEqualTo(413);
        assertThat(chunked.body()).contains("\"code\":\"too_large\"");
        JsonPath failed = given().auth()
                .oauth2(TOKENS.valid(projectId, "read"))
                .queryParam("status", "failed")
                .get("/v1/media")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(failed.getList("items.fileName")).containsExactly("chunked.mp4");
        assertThat(failed.getString("items[0].rejectReason")).startsWith("too_large: ");
    }

    private void assertFailed(String path, String code, String detailPart) {
        String id = importing(source(path)).then().statusCode(202).extract().path("id");
        JsonPath done = awaitSettled(id);
        assertThat(done.getString("status")).as(path).isEqualTo("failed");
        assertThat(done.getString("rejectReason"))
                .as(path)
                .startsWith(code + ": ")
                .contains(detailPart);
        MediaRejected told = EventCodec.data(
                EventCodec.parse(
                        kafka.awaitOne(Topics.MEDIA_REJECTED, r -> r.key().equals(id), Duration.ofSeconds(60))
                                .value()),
                MediaRejected.class);
        assertThat(told.status()).isEqualTo("failed");
        assertThat(told.reason()).isEqualTo(done.getString("rejectReason"));
    }

    private void refusedAtOnce(String url, String code) {
        importing(url)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo(code))
                .body("detail", org.hamcrest.Matchers.not(org.hamcrest.Matchers.emptyOrNullString()));
    }

    private io.restassured.response.Response importing(String url) {
        // As clients send it: the colon literal, not percent-encoded as RestAssured would by default.
        return given().urlEncodingEnabled(false)
                .auth()
                .oauth2(TOKENS.valid(projectId, "write"))
                .contentType("application/json")
                .body(Map.of("url", url))
                .post("/v1/media:import");
    }

    private JsonPath awaitSettled(String id) {
        return await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(
                        () -> given().auth()
                                .oauth2(TOKENS.valid(projectId, "read"))
                                .get("/v1/media/" + id)
                                .then()
                                .statusCode(200)
                                .extract()
                                .jsonPath(),
                        item -> !"receiving".equals(item.getString("status")));
    }

    private static String source(String path) {
        return "http://127.0.0.1:" + SourceServer.port() + path;
    }

    /** The test's media source: files, redirects of every kind, oversized, slow and missing answers. */
    static final class SourceServer {
        static final byte[] CLIP = clip(1);
        static final byte[] LONG_CLIP = clip(3);

        private static final String PORT_PROPERTY = "content-factory.test.import-source.port";

        /**
         * The server's port, started once per JVM: the profile and the test are loaded by different class loaders, so
         * a static field alone would start two servers; the system property is shared by both.
         */
        static synchronized int port() {
            String running = System.getProperty(PORT_PROPERTY);
            if (running == null) {
                running = Integer.toString(start().getAddress().getPort());
                System.setProperty(PORT_PROPERTY, running);
            }
            return Integer.parseInt(running);
        }

        private static HttpServer start() {
            try {
                HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
                server.setExecutor(Executors.newCachedThreadPool());
                server.createContext("/cdn/", exchange -> send(exchange, 200, CLIP));
                server.createContext("/long.mp4", exchange -> send(exchange, 200, LONG_CLIP));
                server.createContext("/redirect/relative", exchange -> redirect(exchange, "/cdn/clip.mp4"));
                server.createContext(
                        "/redirect/loopback", exchange -> redirect(exchange, "https://127.0.0.1:1/internal-admin"));
                server.createContext(
                        "/redirect/metadata",
                        exchange -> redirect(exchange, "https://169.254.169.254/latest/meta-data/iam"));
                server.createContext(
                        "/redirect/plain-http", exchange -> redirect(exchange, "http://example.com/video.mp4"));
                server.createContext("/redirect/loop", exchange -> redirect(exchange, "/redirect/loop"));
                server.createContext("/big", exchange -> {
                    exchange.sendResponseHeaders(200, 0);
                    try (OutputStream out = exchange.getResponseBody()) {
                        byte[] chunk = new byte[64 * 1024];
                        for (long sent = 0; sent <= IMPORT_LIMIT * 2; sent += chunk.length) {
                            out.write(chunk);
                        }
                    } catch (IOException expected) {
                        // the importer hangs up once the limit is passed
                    }
                });
                server.createContext("/big-declared", exchange -> {
                    exchange.sendResponseHeaders(200, IMPORT_LIMIT * 10);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(new byte[1024]);
                        out.flush();
                        Thread.sleep(2_000);
                    } catch (IOException | InterruptedException expected) {
                        // the importer hangs up on reading the announced length
                    }
                });
                server.createContext("/slow", exchange -> {
                    exchange.sendResponseHeaders(200, 0);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(new byte[] {0, 0, 0, 24});
                        out.flush();
                        Thread.sleep(5_000);
                    } catch (IOException | InterruptedException expected) {
                        // the importer gives up first
                    }
                });
                server.createContext("/trickle.mp4", exchange -> {
                    exchange.sendResponseHeaders(200, CLIP.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        int step = CLIP.length / 20 + 1;
                        for (int offset = 0; offset < CLIP.length; offset += step) {
                            out.write(CLIP, offset, Math.min(step, CLIP.length - offset));
                            out.flush();
                            Thread.sleep(150);
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
                server.createContext("/missing", exchange -> send(exchange, 404, "gone".getBytes()));
                server.start();
                return server;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
            exchange.getResponseHeaders().set("Content-Type", "video/mp4");
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }

        private static void redirect(HttpExchange exchange, String location) throws IOException {
            exchange.getResponseHeaders().set("Location", location);
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        }

        private static byte[] clip(double seconds) {
            try {
                Path file = Files.createTempFile("source", ".mp4");
                return Files.readAllBytes(TestMedia.mp4(file, 160, 120, seconds));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
