package io.contentfactory.analysis.clients;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import io.quarkiverse.langchain4j.ModelName;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The chat model the analysis asks for captions and frame scores, through the Quarkus LangChain4j extension. Both
 * providers are built in (named models {@code openai-compatible} and {@code gemini}: the extension fixes a model's
 * provider at build time); which one answers is chosen when the service starts, by {@code factory.analysis.llm.provider}.
 * Calls block, so they run as Vert.x blocking work and their result comes back on the caller's context (the
 * analysis's database session lives there); the model client's own timeout bounds each.
 */
@ApplicationScoped
public class LlmModel {

    /** The providers a deployment can choose between. */
    public enum Provider {
        OPENAI,
        GEMINI
    }

    @ConfigMapping(prefix = "factory.analysis.llm")
    public interface Config {
        /** Captions, topics and tone by the model; off until enabled. */
        @WithDefault("false")
        boolean enabled();

        @WithDefault("openai")
        Provider provider();

        /** The name results are stored under, for example {@code openai:gpt-4o-mini}. */
        @WithDefault("llm")
        String name();
    }

    private final ChatModel model;
    private final Config config;
    private final Vertx vertx;

    LlmModel(
            @ModelName("openai-compatible") ChatModel openai,
            @ModelName("gemini") ChatModel gemini,
            Config config,
            Vertx vertx) {
        this.model = config.provider() == Provider.GEMINI ? gemini : openai;
        this.config = config;
        this.vertx = vertx;
    }

    public boolean captionsEnabled() {
        return config.enabled();
    }

    public String name() {
        return config.name();
    }

    /** The model's answer to one exchange, off the event loop. */
    public Uni<String> answer(String instructions, UserMessage message) {
        return vertx.executeBlocking(Uni.createFrom()
                .item(() -> model.chat(SystemMessage.from(instructions), message)
                        .aiMessage()
                        .text()));
    }
}
