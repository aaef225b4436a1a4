package io.contentfactory.coach;

import com.sun.net.httpserver.HttpServer;
import io.contentfactory.auth.ServiceCallTokens;
import io.contentfactory.testkit.InternalTokens;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * publisher-service's internal connection route, as far as coach-service uses it: it checks the service call token as
 * the publisher does (401 otherwise) and answers each "projectId/connectionId" of {@link #CONNECTIONS} with its
 * platform and account, any other with 404.
 */
public class FakeConnections implements QuarkusTestResourceLifecycleManager {

    /** Connections by "projectId/connectionId": the platform and account each one is. */
    static final Map<String, String[]> CONNECTIONS = new ConcurrentHashMap<>();

    private static final Map<String, byte[]> CALLERS =
            Map.of("coach-service", InternalTokens.serviceCallKey("coach-service", "publisher-service"));
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/internal/v1/connections/", exchange -> {
            String header = exchange.getRequestHeaders().getFirst(ServiceCallTokens.HEADER);
            int status;
            String body;
            try {
                ServiceCallTokens.verify(
                        header == null ? null : header.replaceFirst("^Bearer ", ""),
                        CALLERS,
                        "publisher-service",
                        Instant.now());
                String key = exchange.getRequestURI().getPath().substring("/internal/v1/connections/".length());
                String[] account = CONNECTIONS.get(key);
                status = account == null ? 404 : 200;
                body = account == null
                        ? "{\"status\":404,\"code\":\"not_found\"}"
                        : "{\"platform\":\"" + account[0] + "\",\"accountId\":\"" + account[1] + "\"}";
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
                "factory.coach.publisher.base-url",
                "http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void stop() {
        server.stop(0);
    }
}
