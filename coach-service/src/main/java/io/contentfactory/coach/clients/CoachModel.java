package io.contentfactory.coach.clients;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import io.quarkiverse.langchain4j.ModelName;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * The chat model that may write coach summaries, through the Quarkus LangChain4j extension. Both providers are built
 * in (named models {@code openai-compatible} and {@code gemini}: the extension fixes a model's provider at build
 * time); which one answers is chosen when the service starts, by {@code factory.coach.llm.provider}. Calls block, so
 * they run as Vert.x blocking work and come back on the caller's context (its database session lives there); each is
 * bounded by {@code factory.coach.llm.timeout}, on top of the model client's own timeout.
 */
@ApplicationScoped
public class CoachModel {

    /** The providers a deployment can choose between. */
    public enum Provider {
        OPENAI,
        GEMINI
    }

    @ConfigMapping(prefix = "factory.coach.llm")
    public interface Config {
        /** Summaries by the model; off until enabled, and the rules answer whenever the model's answer is not kept. */
        @WithDefault("false")
        boolean enabled();

        @WithDefault("openai")
        Provider provider();

        /** The name an insight is marked with, after {@code model:}; for example {@code openai:gpt-4o-mini}. */
        @WithDefault("llm")
        String name();

        @WithDefault("20s")
        Duration timeout();
    }

    private final ChatModel model;
    private final Config config;
    private final Vertx vertx;

    CoachModel(
            @ModelName("openai-compatible") ChatModel openai,
            @ModelName("gemini") ChatModel gemini,
            Config config,
            Vertx vertx) {
        this.model = config.provider() == Provider.GEMINI ? gemini : openai;
        this.config = config;
        this.vertx = vertx;
    }

    public boolean enabled() {
        return config.enabled();
    }

    public String name() {
        return config.name();
    }

    /** The model's text answer to {@code request}, off the event loop; fails after the configured timeout. */
    public Uni<String> answer(ChatRequest request) {
        return vertx.executeBlocking(Uni.createFrom()
                        .item(() -> model.chat(request).aiMessage().text()))
                .ifNoItem()
                .after(config.timeout())
                .failWith(() -> new ModelAnswerRejected("the model did not answer within " + config.timeout()));
    }
}
