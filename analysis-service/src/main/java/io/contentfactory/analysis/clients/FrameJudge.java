package io.contentfactory.analysis.clients;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.data.message.Content;
import dev.langchain4j.data.message.ImageContent;
import dev.langchain4j.data.message.TextContent;
import dev.langchain4j.data.message.UserMessage;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Vision scoring of candidate frames: the configured chat model ({@link LlmModel}: OpenAI-compatible or Gemini; it
 * must accept images) is shown the frames the local analyzer found eligible as the thumbnail, in one
 * request, and scores each as a cover for a social post. Off unless {@code factory.analysis.vision.enabled}; a failure,
 * a timeout or an answer that does not score the frames shown is the caller's to fall back from.
 */
@ApplicationScoped
public class FrameJudge {

    @ConfigMapping(prefix = "factory.analysis.vision")
    public interface Config {
        @WithDefault("false")
        boolean enabled();

        /** The name results are stored under, for example {@code openai:gpt-4o-mini}. */
        @WithDefault("vision")
        String name();
    }

    /** One candidate as shown: where it is in the analysis's samples and its JPEG. */
    public record Candidate(int sampleIndex, double timeSec, byte[] jpeg) {}

    /** The provider's score (0 to 10) of one candidate, and why. */
    public record Score(int sampleIndex, double timeSec, double score, String reason) {}

    /** Every candidate's score, and the one the provider would put on the cover. */
    public record Verdict(List<Score> scores, int bestSampleIndex) {}

    private static final String INSTRUCTIONS = """
            You choose cover images for short social videos. You are shown candidate frames of one video, numbered \
            from 1 in the order shown. Score each from 0 to 10 as the cover of a post: a clear subject, a face with \
            an expression, strong composition, legible, not blurred. Answer with JSON only, in this shape: \
            {"scores": [{"frame": 1, "score": 7.5, "reason": "a few words"}], "best": 1}""";

    private final LlmModel model;
    private final Config config;

    FrameJudge(LlmModel model, Config config) {
        this.model = model;
        this.config = config;
    }

    public boolean configured() {
        return config.enabled();
    }

    public String provider() {
        return config.name();
    }

    /** The verdict on {@code candidates} (all sent in one request); blocking work, off the event loop. */
    public Uni<Verdict> judge(List<Candidate> candidates) {
        return model.answer(INSTRUCTIONS, UserMessage.from(contents(candidates)))
                .map(answer -> verdict(candidates, answer));
    }

    private static List<Content> contents(List<Candidate> candidates) {
        List<Content> contents = new ArrayList<>();
        contents.add(TextContent.from(candidates.size() + " candidate frames follow, in order."));
        for (Candidate candidate : candidates) {
            contents.add(ImageContent.from(
                    Base64.getEncoder().encodeToString(candidate.jpeg()), "image/jpeg", ImageContent.DetailLevel.LOW));
        }
        return contents;
    }

    /** The model's answer read strictly: a score for every frame shown, and a best frame among them. */
    static Verdict verdict(List<Candidate> candidates, String answer) {
        JsonNode json = ModelAnswers.json(answer);
        List<Score> scores = new ArrayList<>();
        for (JsonNode entry : json.path("scores")) {
            int frame = entry.path("frame").asInt(0);
            if (frame < 1 || frame > candidates.size() || !entry.path("score").isNumber()) {
                throw new ProviderFailure("the vision model scored a frame it was not shown: " + entry);
            }
            Candidate candidate = candidates.get(frame - 1);
            scores.add(new Score(
                    candidate.sampleIndex(),
                    candidate.timeSec(),
                    Math.max(0, Math.min(10, entry.path("score").asDouble())),
                    entry.path("reason").asText("")));
        }
        int best = json.path("best").asInt(0);
        if (scores.size() != candidates.size() || best < 1 || best > candidates.size()) {
            throw new ProviderFailure(
                    "the vision model did not score the " + candidates.size() + " frames it was shown: " + answer);
        }
        return new Verdict(List.copyOf(scores), candidates.get(best - 1).sampleIndex());
    }
}
