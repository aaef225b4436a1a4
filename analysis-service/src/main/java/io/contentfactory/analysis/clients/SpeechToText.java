package io.contentfactory.analysis.clients;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.WebClient;
import io.vertx.mutiny.ext.web.multipart.MultipartForm;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * Speech-to-text over the OpenAI-compatible {@code POST <base>/audio/transcriptions} (OpenAI Whisper, Groq, a local
 * whisper.cpp or faster-whisper server): the clip's audio as 16 kHz mono WAV in, its text and language out. A failure
 * or timeout is an error the caller falls back from; it never blocks the pipeline for longer than the timeout.
 */
@ApplicationScoped
public class SpeechToText {

    @ConfigMapping(prefix = "factory.analysis.stt")
    public interface Config {
        /** The API base, for example {@code https://api.openai.com/v1} or {@code http://localhost:8080/v1}; unset: off. */
        Optional<String> baseUrl();

        Optional<String> apiKey();

        @WithDefault("whisper-1")
        String model();

        @WithDefault("60S")
        Duration timeout();

        /** The name results are stored under; by default the base URL's host. */
        Optional<String> name();
    }

    /** What the service heard. */
    public record Transcript(String provider, String text, String language) {}

    private final WebClient http;
    private final Config config;

    SpeechToText(Vertx vertx, Config config) {
        this.http = WebClient.create(vertx);
        this.config = config;
    }

    public boolean configured() {
        return config.baseUrl().filter(url -> !url.isBlank()).isPresent();
    }

    public String provider() {
        return config.name()
                .orElseGet(() -> "openai-compatible:"
                        + URI.create(config.baseUrl().orElse("http://none")).getHost());
    }

    public Uni<Transcript> transcribe(byte[] wav) {
        MultipartForm form = MultipartForm.create()
                .attribute("model", config.model())
                .attribute("response_format", "verbose_json")
                .binaryFileUpload("file", "audio.wav", Buffer.buffer(wav), "audio/wav");
        var request = http.postAbs(config.baseUrl().orElseThrow().replaceAll("/+$", "") + "/audio/transcriptions")
                .timeout(config.timeout().toMillis());
        config.apiKey().filter(key -> !key.isBlank()).ifPresent(key -> request.bearerTokenAuthentication(key));
        return request.sendMultipartForm(form).map(response -> {
            if (response.statusCode() != 200) {
                throw new ProviderFailure(provider() + " answered HTTP " + response.statusCode());
            }
            JsonObject body = response.bodyAsJsonObject();
            String text = body.getString("text");
            if (text == null) {
                throw new ProviderFailure(provider() + " answered no text");
            }
            return new Transcript(provider(), text.strip(), body.getString("language"));
        });
    }
}
