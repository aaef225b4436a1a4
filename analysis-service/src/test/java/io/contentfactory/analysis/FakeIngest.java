package io.contentfactory.analysis;

import com.sun.net.httpserver.HttpServer;
import io.contentfactory.auth.ServiceCallTokens;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

/**
 * A stand-in for ingest-service's internal routes, each checking analysis-service's call token as ingest does: the
 * thumbnail route keeps each thumbnail under {@code target/fake-ingest/<media-id>.jpg} for the tests to inspect and
 * answers a URL; the renewal route answers the URL with {@code signature=renewed}; the ingested route answers the
 * items a test put under {@link #INGESTED}.
 */
public class FakeIngest implements QuarkusTestResourceLifecycleManager {

    static final Path STORED = Path.of("target/fake-ingest").toAbsolutePath();
    /** Items its ingested route knows: {@code <project>-<media>.json}, each a media.ingested's data. */
    static final Path INGESTED = STORED.resolve("ingested");

    private static final byte[] KEY = "analysis-to-ingest-pair-key-of-the-tests".getBytes(StandardCharsets.UTF_8);
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            Files.createDirectories(INGESTED);
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/internal/v1/asset-urls/refresh", exchange -> {
                String request = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                if (!fromAnalysis(exchange) || !request.contains("signature=")) {
                    exchange.sendResponseHeaders(401, -1);
                    exchange.close();
                    return;
                }
                byte[] body = request.replaceAll("signature=[^\"&]*", "signature=renewed")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.createContext("/internal/v1/media/", exchange -> {
                String[] path = exchange.getRequestURI().getPath().split("/");
                if (fromAnalysis(exchange)
                        && "GET".equals(exchange.getRequestMethod())
                        && path.length == 7
                        && "ingested".equals(path[6])) {
                    Path item = INGESTED.resolve(path[4] + "-" + path[5] + ".json");
                    byte[] body = Files.exists(item) ? Files.readAllBytes(item) : new byte[0];
                    exchange.getResponseHeaders().set("Content-Type", "application/json");
                    exchange.sendResponseHeaders(body.length > 0 ? 200 : 404, body.length > 0 ? body.length : -1);
                    exchange.getResponseBody().write(body);
                    exchange.close();
                    return;
                }
                if (!fromAnalysis(exchange) || !"PUT".equals(exchange.getRequestMethod()) || path.length != 7) {
                    exchange.sendResponseHeaders(401, -1);
                    exchange.close();
                    return;
                }
                String mediaId = path[5];
                Files.write(
                        STORED.resolve(mediaId + ".jpg"),
                        exchange.getRequestBody().readAllBytes());
                byte[] body = ("{\"url\": \"https://assets.example.com/media/" + path[4] + "/" + mediaId
                                + "/thumbnail?signature=t\"}")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return Map.of(
                    "factory.ingest-client.base-url",
                    "http://127.0.0.1:" + server.getAddress().getPort(),
                    "factory.ingest-client.call-key",
                    Base64.getUrlEncoder().withoutPadding().encodeToString(KEY));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static boolean fromAnalysis(com.sun.net.httpserver.HttpExchange exchange) {
        String header = String.valueOf(exchange.getRequestHeaders().getFirst(ServiceCallTokens.HEADER));
        try {
            return "analysis-service"
                    .equals(ServiceCallTokens.verify(
                            header.substring(7), Map.of("analysis-service", KEY), "ingest-service", Instant.now()));
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
