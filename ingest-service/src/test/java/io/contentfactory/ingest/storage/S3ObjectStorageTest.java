package io.contentfactory.ingest.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.contentfactory.ingest.config.IngestConfig;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The S3 store against a local server speaking the part of the S3 REST API it uses (path-style HEAD, PUT and GET
 * of objects), as MinIO or R2 would answer: objects land under their content address once, read back whole, and a
 * presigned GET URL is signed with SigV4 and fetches the object without credentials.
 */
class S3ObjectStorageTest {

    @TempDir
    Path dir;

    private HttpServer server;
    private final Map<String, byte[]> objects = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();

    @BeforeEach
    void fakeS3() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void objectsAreStoredOnceUnderTheirContentAddressAndReadBack() throws Exception {
        S3ObjectStorage storage = S3ObjectStorage.create(config());
        StagingArea staging = new StagingArea(dir);
        UUID project = UUID.randomUUID();
        byte[] bytes = "a video, or so we pretend".getBytes(StandardCharsets.UTF_8);

        StagedFile first = staging.receive(new ByteArrayInputStream(bytes), 1024, n -> {});
        String key = storage.store(project, first);
        StagedFile second = staging.receive(new ByteArrayInputStream(bytes), 1024, n -> {});
        storage.store(project, second);

        assertThat(key).isEqualTo(project + "/" + first.sha256());
        assertThat(objects.get("/media-bucket/" + key)).isEqualTo(bytes);
        assertThat(requests.stream().filter(r -> r.startsWith("PUT"))).hasSize(1);
        assertThat(requests).allSatisfy(r -> assertThat(r).endsWith("AWS4-HMAC-SHA256"));
        assertThat(first.path()).doesNotExist();
        assertThat(second.path()).doesNotExist();
        try (InputStream in = storage.open(key)) {
            assertThat(in.readAllBytes()).isEqualTo(bytes);
        }
    }

    @Test
    void aPresignedUrlFetchesTheObjectWithoutCredentials() throws Exception {
        S3ObjectStorage storage = S3ObjectStorage.create(config());
        UUID project = UUID.randomUUID();
        String key = storage.store(
                project, new StagingArea(dir).receive(new ByteArrayInputStream(new byte[] {1, 2, 3}), 10, n -> {}));

        URI url = storage.directUrl(key, "video/mp4", Duration.ofDays(30)).orElseThrow();

        assertThat(url.getQuery())
                .contains("X-Amz-Signature=")
                .contains("X-Amz-Expires=604800")
                .contains("response-content-type=video/mp4");
        HttpResponse<byte[]> fetched = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(fetched.statusCode()).isEqualTo(200);
        assertThat(fetched.body()).containsExactly(1, 2, 3);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String auth = Optional.ofNullable(exchange.getRequestHeaders().getFirst("Authorization"))
                .orElse("");
        boolean presigned = String.valueOf(exchange.getRequestURI().getQuery()).contains("X-Amz-Signature=");
        requests.add(
                exchange.getRequestMethod() + " " + path + " " + (presigned ? "AWS4-HMAC-SHA256" : auth.split(" ")[0]));
        switch (exchange.getRequestMethod()) {
            case "PUT" -> {
                objects.put(path, exchange.getRequestBody().readAllBytes());
                exchange.getResponseHeaders().set("ETag", "\"etag\"");
                exchange.sendResponseHeaders(200, -1);
            }
            case "HEAD" -> {
                byte[] object = objects.get(path);
                if (object == null) {
                    exchange.sendResponseHeaders(404, -1);
                } else {
                    exchange.getResponseHeaders().set("Content-Length", Integer.toString(object.length));
                    exchange.sendResponseHeaders(200, -1);
                }
            }
            case "GET" -> {
                byte[] object = objects.get(path);
                if (object == null) {
                    byte[] error = "<Error><Code>NoSuchKey</Code></Error>".getBytes(StandardCharsets.UTF_8);
                    exchange.sendResponseHeaders(404, error.length);
                    exchange.getResponseBody().write(error);
                } else {
                    exchange.sendResponseHeaders(200, object.length);
                    exchange.getResponseBody().write(object);
                }
            }
            default -> exchange.sendResponseHeaders(405, -1);
        }
        exchange.close();
    }

    private IngestConfig.Storage.S3 config() {
        String endpoint = "http://127.0.0.1:" + server.getAddress().getPort();
        return new IngestConfig.Storage.S3() {
            public String bucket() {
                return "media-bucket";
            }

            public String region() {
                return "us-east-1";
            }

            public Optional<String> endpoint() {
                return Optional.of(endpoint);
            }

            public Optional<String> accessKeyId() {
                return Optional.of("test-access-key");
            }

            public Optional<String> secretAccessKey() {
                return Optional.of("test-secret-key");
            }

            public boolean pathStyle() {
                return true;
            }
        };
    }
}
