package io.contentfactory.coach;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.contentfactory.contracts.EventCodec;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * A local OpenAI-compatible chat model for the coach. {@code POST /v1/chat/completions} reads the facts the coach sent
 * and answers as {@code target/fake-coach-model/mode} says: {@code good} (a summary citing the facts' own ids),
 * {@code invented} (the same, plus an id that is not among the facts), {@code broken} (a format outside the schema's
 * enum) or {@code slow} (an answer after 5 s, past the test's 2 s timeout). The request's {@code response_format} type
 * is kept in {@code response-format}.
 */
public class FakeCoachModel implements QuarkusTestResourceLifecycleManager {

    static final Path CONTROL = Path.of("target/fake-coach-model").toAbsolutePath();
    static final String SUMMARY = "The reel's views grew between its checkpoints.";
    static final String INVENTED_ID = "metric.tiktok.24h.views";

    private HttpServer server;

    static void mode(String mode) throws IOException {
        Files.createDirectories(CONTROL);
        Files.writeString(CONTROL.resolve("mode"), mode);
    }

    static String responseFormat() throws IOException {
        Path file = CONTROL.resolve("response-format");
        return Files.exists(file) ? Files.readString(file) : "";
    }

    @Override
    public Map<String, String> start() {
        try {
            mode("good");
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setExecutor(Executors.newCachedThreadPool());
            server.createContext("/v1/chat/completions", this::chat);
            server.start();
            String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/v1/";
            return Map.of(
                    "factory.coach.llm.enabled", "true",
                    "factory.coach.llm.name", "openai:fake",
                    "factory.coach.llm.timeout", "2s",
                    "quarkus.langchain4j.openai.openai-compatible.base-url", base,
                    "quarkus.langchain4j.openai.openai-compatible.api-key", "test-key",
                    "quarkus.langchain4j.openai.openai-compatible.max-retries", "1");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void chat(HttpExchange exchange) throws IOException {
        JsonNode request = EventCodec.mapper().readTree(exchange.getRequestBody());
        Files.writeString(
                CONTROL.resolve("response-format"),
                request.path("response_format").path("type").asText("none"));
        String mode = Files.readString(CONTROL.resolve("mode")).strip();
        if (!"Bearer test-key".equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            respond(exchange, 401, "{\"error\": {\"message\": \"bad key\"}}");
            return;
        }
        if (mode.equals("slow")) {
            pause();
        }
        List<String> ids = factIds(request);
        ObjectNode answer = EventCodec.mapper().createObjectNode();
        answer.set("summary", statement(SUMMARY, ids.subList(0, 1)));
        ArrayNode worked = answer.putArray("whatWorked");
        worked.add(statement(
                "What the facts show worked.",
                mode.equals("invented") ? List.of(ids.get(0), INVENTED_ID) : ids.subList(0, 1)));
        answer.putArray("whatToImprove");
        answer.putArray("nextActions");
        ObjectNode format = answer.putArray("recommendedNextFormats").addObject();
        format.put("format", mode.equals("broken") ? "podcast" : "face_cam");
        format.setAll(statement("Say it to the camera.", ids.subList(0, 1)));
        respond(exchange, 200, completion(answer.toString()));
    }

    /** The ids of the facts in the coach's user message (a line of text, then a JSON array of facts). */
    private static List<String> factIds(JsonNode request) throws IOException {
        String content = request.path("messages").get(1).path("content").asText();
        JsonNode facts = EventCodec.mapper().readTree(content.substring(content.indexOf('\n') + 1));
        List<String> ids = new ArrayList<>();
        facts.forEach(fact -> ids.add(fact.path("id").asText()));
        return ids;
    }

    private static ObjectNode statement(String text, List<String> evidence) {
        ObjectNode statement = EventCodec.mapper().createObjectNode().put("text", text);
        evidence.forEach(statement.putArray("evidence")::add);
        return statement;
    }

    private static String completion(String content) {
        ObjectNode response = EventCodec.mapper()
                .createObjectNode()
                .put("id", "chatcmpl-coach")
                .put("object", "chat.completion")
                .put("created", 1)
                .put("model", "gpt-4o-mini");
        ObjectNode choice =
                response.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop");
        choice.putObject("message").put("role", "assistant").put("content", content);
        response.putObject("usage")
                .put("prompt_tokens", 10)
                .put("completion_tokens", 10)
                .put("total_tokens", 20);
        return response.toString();
    }

    private static void pause() {
        try {
            Thread.sleep(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
