package io.contentfactory.scheduler;

import com.sun.net.httpserver.HttpServer;
import io.contentfactory.auth.ServiceCallTokens;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * ingest-service's internal state route as the scheduler calls it: it answers the items a test put in {@link #ITEMS}
 * (any project), 404 for others, and 401 to a call without a service token of scheduler-service's pair key.
 */
public class FakeIngest implements QuarkusTestResourceLifecycleManager {

    static final String CALL_KEY = "c2NoZWR1bGVyLXRlc3QtaW5nZXN0LWNhbGwta2V5LTAx";
    /** An item's state as ingest-service's JSON answer. */
    static final Map<UUID, String> ITEMS = new ConcurrentHashMap<>();

    private HttpServer server;

    static void item(UUID mediaId, String status, String reason, String analysisStatus, String analysisReason) {
        ITEMS.put(
                mediaId,
                "{\"mediaId\": \"" + mediaId + "\", \"status\": \"" + status + "\", \"reason\": "
                        + quoted(reason) + ", \"analysisStatus\": " + quoted(analysisStatus) + ", \"analysisReason\": "
                        + quoted(analysisReason) + "}");
    }

    private static String quoted(String text) {
        return text == null ? "null" : "\"" + text + "\"";
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/internal/v1/media/", exchange -> {
            String authorization = exchange.getRequestHeaders().getFirst(ServiceCallTokens.HEADER);
            String[] path = exchange.getRequestURI().getPath().split("/");
            String answer = authorization == null || !authorization.startsWith("Bearer ")
                    ? null
                    : ITEMS.get(UUID.fromString(path[5]));
            int status = authorization == null ? 401 : answer == null ? 404 : 200;
            byte[] body = (answer == null ? "{}" : answer).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return Map.of(
                "factory.ingest-client.base-url",
                "http://127.0.0.1:" + server.getAddress().getPort(),
                "factory.ingest-client.call-key",
                CALL_KEY);
    }

    @Override
    public void stop() {
        server.stop(0);
    }
}
