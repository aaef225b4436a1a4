package io.contentfactory.analysis.clients;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.data.message.UserMessage;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * The LLM's captions, topics and tone for one clip. Off unless {@code factory.analysis.llm.enabled}; a failure, a
 * timeout or an answer without the captions asked for is the caller's to fall back from.
 */
@ApplicationScoped
public class LlmCaptions {

    private static final String INSTRUCTIONS = """
            You write social media copy for short videos and images: specific, plain, no clickbait, no emojis. \
            Answer with JSON only, in this shape: {"instagram": "...", "tiktok": "...", "youtubeShorts": "...", \
            "topics": ["..."], "tone": "...", "hashtags": ["..."]}""";

    private final LlmModel model;

    LlmCaptions(LlmModel model) {
        this.model = model;
    }

    public boolean configured() {
        return model.captionsEnabled();
    }

    public String provider() {
        return model.name();
    }

    public Uni<LlmCopy> write(String title, String transcript, List<String> topics) {
        String request =
                """
                A clip titled "%s". What is said in it: "%s". Key phrases found: %s.
                Write a caption for Instagram (at most 2200 characters), one for TikTok (at most 150 characters) and a \
                YouTube Shorts title (at most 100 characters); up to 5 topics; the tone in one or two words; up to 8 \
                hashtags without spaces.""".formatted(title, transcript == null ? "(no speech)" : transcript, String.join(", ", topics));
        return model.answer(INSTRUCTIONS, UserMessage.from(request)).map(LlmCaptions::copy);
    }

    static LlmCopy copy(String answer) {
        JsonNode json = ModelAnswers.json(answer);
        if (!json.path("instagram").isTextual()
                || json.path("instagram").asText().isBlank()) {
            throw new ProviderFailure("the model wrote no Instagram caption: " + answer);
        }
        return new LlmCopy(
                json.path("instagram").asText(),
                text(json, "tiktok"),
                text(json, "youtubeShorts"),
                strings(json.path("topics")),
                text(json, "tone"),
                strings(json.path("hashtags")));
    }

    private static String text(JsonNode json, String field) {
        return json.path(field).isTextual() ? json.path(field).asText() : null;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> {
            if (value.isTextual() && !value.asText().isBlank()) {
                values.add(value.asText());
            }
        });
        return List.copyOf(values);
    }
}
