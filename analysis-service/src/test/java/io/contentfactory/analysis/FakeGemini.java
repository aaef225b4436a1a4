package io.contentfactory.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A local stand-in for Google's Gemini API ({@code POST /v1beta/models/<model>:generateContent}, the key in
 * {@code x-goog-api-key}): a request carrying images is scored as frames (each later one higher, the last the best),
 * any other is answered with captions. Each request's path and image count are kept under {@code target/fake-gemini}.
 */
public class FakeGemini implements QuarkusTestResourceLifecycleManager {

    static final Path CONTROL = Path.of("target/fake-gemini").toAbsolutePath();
    static final String CAPTION = "Small habits, calmer mornings.";
    private static final ObjectMapper JSON = new ObjectMapper();
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            Files.createDirectories(CONTROL);
            server = HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/v1beta/models/", this::generate);
            server.start();
            return Map.of(
                    "factory.analysis.llm.provider",
                    "gemini",
                    "quarkus.langchain4j.ai.gemini.gemini.base-url",
                    "http://127.0.0.1:" + server.getAddress().getPort() + "/v1beta",
                    "quarkus.langchain4j.ai.gemini.gemini.api-key",
                    "gemini-test-key");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void generate(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String path = exchange.getRequestURI().getPath();
        if (!"gemini-test-key".equals(exchange.getRequestHeaders().getFirst("x-goog-api-key"))
                || !path.endsWith(":generateContent")
                || !body.contains("\"contents\"")) {
            respond(
                    exchange,
                    400,
                    "{\"error\": {\"code\": 400, \"message\": \"bad request\", \"status\": \"INVALID_ARGUMENT\"}}");
            return;
        }
        int images = body.split("image/jpeg", -1).length - 1;
        Files.writeString(CONTROL.resolve("last-request"), path + " " + images);
        String text = images > 0
                ? verdict(images)
                : "{\"instagram\": \"" + CAPTION + "\", \"tiktok\": \"Calmer mornings.\","
                        + " \"youtubeShorts\": \"Calmer mornings\", \"topics\": [\"mornings\"], \"tone\": \"calm\", \"hashtags\": [\"Mornings\"]}";
        ObjectNode answer = JSON.createObjectNode();
        ObjectNode candidate = answer.putArray("candidates").addObject();
        candidate
                .putObject("content")
                .put("role", "model")
                .putArray("parts")
                .addObject()
                .put("text", text);
        candidate.put("finishReason", "STOP");
        answer.putObject("usageMetadata")
                .put("promptTokenCount", 10)
                .put("candidatesTokenCount", 10)
                .put("totalTokenCount", 20);
        respond(exchange, 200, JSON.writeValueAsString(answer));
    }

    private static String verdict(int images) {
        StringBuilder scores = new StringBuilder();
        for (int frame = 1; frame <= images; frame++) {
            scores.append(frame > 1 ? ", " : "")
                    .append("{\"frame\": ")
                    .append(frame)
                    .append(", \"score\": ")
                    .append(4 + frame)
                    .append(", \"reason\": \"frame ")
                    .append(frame)
                    .append("\"}");
        }
        return "{\"scores\": [" + scores + "], \"best\": " + images + "}";
    }

    static String lastRequest() throws IOException {
        Path file = CONTROL.resolve("last-request");
        return Files.exists(file) ? Files.readString(file) : "";
    }

    static JsonNode json(String text) throws IOException {
        return JSON.readTree(text);
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
