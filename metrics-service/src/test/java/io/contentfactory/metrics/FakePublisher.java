package io.contentfactory.metrics;

import com.sun.net.httpserver.HttpServer;
import io.contentfactory.auth.ServiceCallTokens;
import io.contentfactory.testkit.InternalTokens;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * publisher-service's internal read-token route, as far as metrics-service uses it: it checks the service call token
 * exactly as the publisher does and answers the sandbox account's token. Records every call it answered.
 */
public class FakePublisher implements QuarkusTestResourceLifecycleManager {

    static final List<String> SERVED = new CopyOnWriteArrayList<>();
    private static final Map<String, byte[]> CALLERS =
            Map.of("metrics-service", InternalTokens.serviceCallKey("metrics-service", "publisher-service"));
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/internal/v1/read-tokens/", exchange -> {
            String header = exchange.getRequestHeaders().getFirst(ServiceCallTokens.HEADER);
            int status;
            String body;
            try {
                ServiceCallTokens.verify(
                        header == null ? null : header.replaceFirst("^Bearer ", ""),
                        CALLERS,
                        "publisher-service",
                        Instant.now());
                String path = exchange.getRequestURI().getPath();
                boolean known = path.endsWith("/instagram/sandbox-ig-account");
                status = known ? 200 : 404;
                body = known ? "{\"accessToken\":\"sandbox-token\",\"expiresAt\":null}" : "{}";
                SERVED.add(path);
            } catch (IllegalArgumentException refused) {
                status = 401;
                body = "{}";
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        return Map.of(
                "factory.metrics.publisher.base-url",
                "http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void stop() {
        server.stop(0);
    }
}
