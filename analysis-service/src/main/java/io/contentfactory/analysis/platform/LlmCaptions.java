package io.contentfactory.analysis.platform;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Asks the configured LLM for captions, topics and tone, off the event loop, within the model client's timeout
 * ({@code quarkus.langchain4j.openai.timeout}). Off unless {@code factory.analysis.llm.enabled}; a failure or timeout
 * is the caller's to fall back from.
 */
@ApplicationScoped
public class LlmCaptions {

    @ConfigMapping(prefix = "factory.analysis.llm")
    public interface Config {
        @WithDefault("false")
        boolean enabled();

        /** The name results are stored under, for example {@code openai:gpt-4o-mini}. */
        @WithDefault("llm")
        String name();

    }

    private final CaptionWriter writer;
    private final Config config;
    private final Vertx vertx;

    LlmCaptions(CaptionWriter writer, Config config, Vertx vertx) {
        this.writer = writer;
        this.config = config;
        this.vertx = vertx;
    }

    public boolean configured() {
        return config.enabled();
    }

    public String provider() {
        return config.name();
    }

    /**
     * The model's copy. The call blocks, so it runs as Vert.x blocking work and the result comes back on the caller's
     * context (the analysis's database session lives there); the model client's own timeout bounds it.
     */
    public Uni<LlmCopy> write(String title, String transcript, List<String> topics) {
        return vertx.executeBlocking(Uni.createFrom().item(() -> writer.write(title,
                transcript == null ? "(no speech)" : transcript, String.join(", ", topics))));
    }
}
