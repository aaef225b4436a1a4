package io.contentfactory.analysis;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A local OpenAI-compatible server for the provider tests: {@code POST /v1/audio/transcriptions} answers a fixed
 * transcript for a multipart request carrying a model and a WAV file, and {@code POST /v1/chat/completions} answers
 * captions, topics, tone and hashtags as the JSON the LLM is asked for. Its behaviour is the content of
 * {@code target/fake-openai/mode} ({@code ok}, {@code fail}: HTTP 500, {@code slow}: longer than the configured
 * timeout), so that tests in another class loader can switch it; each request is counted in {@code requests}.
 */
public class FakeOpenAi implements QuarkusTestResourceLifecycleManager {

    static final Path CONTROL = Path.of("target/fake-openai").toAbsolutePath();
    static final String TRANSCRIPT =
            "Three quick tips for a better morning routine. Drink water first, then stretch for five minutes.";
    private HttpServer server;

    static void mode(String mode) throws IOException {
        Files.createDirectories(CONTROL);
        Files.writeString(CONTROL.resolve("mode"), mode);
    }

    static int requests() throws IOException {
        Path counter = CONTROL.resolve("requests");
        return Files.exists(counter)
                ? Integer.parseInt(Files.readString(counter).strip())
                : 0;
    }

    @Override
    public Map<String, String> start() {
        try {
            mode("ok");
            server = HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
            server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
            server.createContext("/v1/audio/transcriptions", this::transcribe);
            server.createContext("/v1/chat/completions", this::chat);
            server.start();
            String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
            return Map.of(
                    "factory.analysis.stt.base-url",
                    base,
                    "factory.analysis.stt.api-key",
                    "test-key",
                    "factory.analysis.stt.timeout",
                    "PT2S",
                    "factory.analysis.llm.enabled",
                    "true",
                    "factory.analysis.vision.enabled",
                    "true",
                    "quarkus.langchain4j.openai.openai-compatible.timeout",
                    "2s",
                    "quarkus.langchain4j.openai.openai-compatible.base-url",
                    base + "/",
                    "quarkus.langchain4j.openai.openai-compatible.api-key",
                    "test-key");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private synchronized void count() throws IOException {
        Files.writeString(CONTROL.resolve("requests"), Integer.toString(requests() + 1));
    }

    private void transcribe(HttpExchange exchange) throws IOException {
        count();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.ISO_8859_1);
        String mode = Files.readString(CONTROL.resolve("mode")).strip();
        boolean wellFormed =
                "Bearer test-key".equals(exchange.getRequestHeaders().getFirst("Authorization"))
                        && body.contains("name=\"model\"")
                        && body.contains("name=\"file\"")
                        && body.contains("RIFF")
                        && body.contains("WAVE");
        if (!wellFormed) {
            respond(exchange, 400, "{\"error\": {\"message\": \"bad request\"}}");
        } else if (mode.equals("fail")) {
            respond(exchange, 500, "{\"error\": {\"message\": \"the model is overloaded\"}}");
        } else if (mode.equals("slow")) {
            try {
                Thread.sleep(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            respond(exchange, 200, "{\"text\": \"too late\"}");
        } else {
            respond(
                    exchange,
                    200,
                    "{\"task\": \"transcribe\", \"language\": \"english\", \"duration\": 4.0, \"text\": \"" + TRANSCRIPT
                            + "\"}");
        }
    }

    static final String CAPTION = "Three small habits that make mornings easier.";

    private void chat(HttpExchange exchange) throws IOException {
        count();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String mode = Files.readString(CONTROL.resolve("mode")).strip();
        if (!"Bearer test-key".equals(exchange.getRequestHeaders().getFirst("Authorization"))
                || !body.contains("\"messages\"")) {
            respond(exchange, 400, "{\"error\": {\"message\": \"bad request\"}}");
            return;
        }
        if (mode.equals("fail")) {
            respond(exchange, 500, "{\"error\": {\"message\": \"the model is overloaded\"}}");
            return;
        }
        if (mode.equals("slow")) {
            try {
                Thread.sleep(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (body.contains("\"image_url\"")) {
            judgeFrames(exchange, body);
            return;
        }
        String copy =
                "{\\\"instagram\\\": \\\"" + CAPTION + "\\\", \\\"tiktok\\\": \\\"Three habits, five minutes.\\\","
                        + " \\\"youtubeShorts\\\": \\\"3 morning habits\\\", \\\"topics\\\": [\\\"morning routine\\\", \\\"habits\\\"],"
                        + " \\\"tone\\\": \\\"friendly\\\", \\\"hashtags\\\": [\\\"MorningRoutine\\\", \\\"Habits\\\"]}";
        respond(
                exchange,
                200,
                "{\"id\": \"chatcmpl-1\", \"object\": \"chat.completion\", \"created\": 1, \"model\": \"gpt-4o-mini\","
                        + " \"choices\": [{\"index\": 0, \"message\": {\"role\": \"assistant\", \"content\": \"" + copy
                        + "\"},"
                        + " \"finish_reason\": \"stop\"}], \"usage\": {\"prompt_tokens\": 10, \"completion_tokens\": 10, \"total_tokens\": 20}}");
    }

    /**
     * Vision scoring: every frame shown is scored, each later one higher, and the last is the best; how many images the
     * request carried is kept in {@code vision-images}.
     */
    private void judgeFrames(HttpExchange exchange, String body) throws IOException {
        int images = body.split("data:image/jpeg;base64,", -1).length - 1;
        Files.writeString(CONTROL.resolve("vision-images"), Integer.toString(images));
        StringBuilder scores = new StringBuilder();
        for (int frame = 1; frame <= images; frame++) {
            scores.append(frame > 1 ? ", " : "")
                    .append("{\\\"frame\\\": ")
                    .append(frame)
                    .append(", \\\"score\\\": ")
                    .append(5 + frame)
                    .append(", \\\"reason\\\": \\\"frame ")
                    .append(frame)
                    .append("\\\"}");
        }
        String verdict = "```json\\n{\\\"scores\\\": [" + scores + "], \\\"best\\\": " + images + "}\\n```";
        respond(
                exchange,
                200,
                "{\"id\": \"chatcmpl-2\", \"object\": \"chat.completion\", \"created\": 1, \"model\": \"gpt-4o-mini\","
                        + " \"choices\": [{\"index\": 0, \"message\": {\"role\": \"assistant\", \"content\": \""
                        + verdict + "\"},"
                        + " \"finish_reason\": \"stop\"}], \"usage\": {\"prompt_tokens\": 10, \"completion_tokens\": 10, \"total_tokens\": 20}}");
    }

    static int visionImages() throws IOException {
        Path file = CONTROL.resolve("vision-images");
        return Files.exists(file) ? Integer.parseInt(Files.readString(file).strip()) : 0;
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
