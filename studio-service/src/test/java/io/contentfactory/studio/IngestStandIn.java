package io.contentfactory.studio;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.contentfactory.auth.ServiceCallTokens;
import io.contentfactory.kit.calls.ServiceCallVerifier;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * ingest-service's route for generated posts, as studio-service's tests need it: it checks the pair-key token, reads
 * the multipart body and answers 201 with a new item's id, keeping what it received for the test to inspect.
 * ingest-service's own tests cover the real route; the e2e test runs both.
 */
public class IngestStandIn implements QuarkusTestResourceLifecycleManager {

    static final String CALL_KEY = "c3R1ZGlvLXRlc3QtaW5nZXN0LWNhbGwta2V5LTAwMDE";

    /** One generated post handed in. */
    record Received(
            UUID projectId, UUID mediaId, String fileName, String contentType, byte[] bytes, String provenance) {}

    static final List<Received> RECEIVED = new CopyOnWriteArrayList<>();

    private HttpServer server;

    @Override
    public Map<String, String> start() {
        ServiceCallVerifier verifier = new ServiceCallVerifier(
                Map.of("studio-service", ServiceCallTokens.readKey(CALL_KEY)), "ingest-service");
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/internal/v1/media/", exchange -> {
            try (exchange) {
                verifier.verify(exchange.getRequestHeaders().getFirst(ServiceCallTokens.HEADER));
                receive(exchange);
            } catch (RuntimeException e) {
                exchange.sendResponseHeaders(401, -1);
            }
        });
        server.start();
        Map<String, String> config = new HashMap<>();
        config.put(
                "factory.ingest-client.base-url",
                "http://127.0.0.1:" + server.getAddress().getPort());
        config.put("factory.ingest-client.call-key", CALL_KEY);
        return config;
    }

    private static void receive(HttpExchange exchange) throws IOException {
        String[] path = exchange.getRequestURI().getPath().split("/");
        UUID projectId = UUID.fromString(path[4]);
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        String boundary = contentType.substring(contentType.indexOf("boundary=") + "boundary=".length());
        Map<String, Part> parts = parts(exchange.getRequestBody().readAllBytes(), boundary);
        UUID mediaId = UUID.randomUUID();
        Part file = parts.get("file");
        RECEIVED.add(new Received(
                projectId,
                mediaId,
                file.fileName(),
                file.contentType(),
                file.bytes(),
                new String(parts.get("provenance").bytes(), StandardCharsets.UTF_8)));
        byte[] answer = ("{\"id\":\"" + mediaId + "\",\"status\":\"ingested\"}").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(201, answer.length);
        exchange.getResponseBody().write(answer);
    }

    private record Part(String fileName, String contentType, byte[] bytes) {}

    private static Map<String, Part> parts(byte[] body, String boundary) {
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        Map<String, Part> parts = new HashMap<>();
        int start = indexOf(body, delimiter, 0);
        while (start >= 0) {
            int headersStart = start + delimiter.length + 2;
            int next = indexOf(body, delimiter, headersStart);
            if (next < 0) {
                break;
            }
            int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), headersStart);
            String headers = new String(body, headersStart, headersEnd - headersStart, StandardCharsets.ISO_8859_1);
            byte[] content = Arrays.copyOfRange(body, headersEnd + 4, next - 2);
            parts.put(
                    attribute(headers, "name"),
                    new Part(attribute(headers, "filename"), header(headers, "Content-Type"), content));
            start = next;
        }
        return parts;
    }

    private static String attribute(String headers, String name) {
        String marker = " " + name + "=\"";
        int at = headers.indexOf(marker);
        if (at < 0) {
            marker = ";" + name + "=\"";
            at = headers.indexOf(marker);
        }
        return at < 0 ? null : headers.substring(at + marker.length(), headers.indexOf('"', at + marker.length()));
    }

    private static String header(String headers, String name) {
        for (String line : headers.split("\r\n")) {
            if (line.regionMatches(true, 0, name + ":", 0, name.length() + 1)) {
                return line.substring(name.length() + 1).strip();
            }
        }
        return null;
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = from; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
