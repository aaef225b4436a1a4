package io.contentfactory.analysis;

import com.sun.net.httpserver.HttpServer;
import io.contentfactory.contracts.ServiceCallTokens;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

/**
 * A stand-in for ingest-service's internal thumbnail route: it checks analysis-service's call token as ingest does,
 * keeps each thumbnail under {@code target/fake-ingest/<media-id>.jpg} for the tests to inspect, and answers a URL.
 */
public class FakeIngest implements QuarkusTestResourceLifecycleManager {

    static final Path STORED = Path.of("target/fake-ingest").toAbsolutePath();
    private static final byte[] KEY = "analysis-to-ingest-pair-key-of-the-tests".getBytes(StandardCharsets.UTF_8);
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            Files.createDirectories(STORED);
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/internal/v1/media/", exchange -> {
                String header = String.valueOf(exchange.getRequestHeaders().getFirst(ServiceCallTokens.HEADER));
                String caller;
                try {
                    caller = ServiceCallTokens.verify(header.substring(7), Map.of("analysis-service", KEY), "ingest-service", Instant.now());
                } catch (RuntimeException e) {
                    caller = null;
                }
                String[] path = exchange.getRequestURI().getPath().split("/");
                if (caller == null || !"PUT".equals(exchange.getRequestMethod()) || path.length != 7) {
                    exchange.sendResponseHeaders(401, -1);
                    exchange.close();
                    return;
                }
                String mediaId = path[5];
                Files.write(STORED.resolve(mediaId + ".jpg"), exchange.getRequestBody().readAllBytes());
                byte[] body = ("{\"url\": \"https://assets.example.com/media/" + path[4] + "/" + mediaId + "/thumbnail?signature=t\"}")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return Map.of("factory.analysis.ingest.base-url", "http://127.0.0.1:" + server.getAddress().getPort(),
                    "factory.analysis.ingest.call-key", Base64.getUrlEncoder().withoutPadding().encodeToString(KEY));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
