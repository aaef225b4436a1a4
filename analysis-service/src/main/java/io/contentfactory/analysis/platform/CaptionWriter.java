package io.contentfactory.analysis.platform;

import dev.langchain4j.service.SystemMessage;
import dev.langchain4j.service.UserMessage;
import io.quarkiverse.langchain4j.RegisterAiService;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The LLM's captions, topics and tone for one clip, through the Quarkus LangChain4j extension; which model answers
 * (OpenAI-compatible or Gemini) is configuration ({@code quarkus.langchain4j.chat-model.provider}).
 */
@RegisterAiService
@ApplicationScoped
public interface CaptionWriter {

    @SystemMessage("""
            You write social media copy for short videos and images: specific, plain, no clickbait, no emojis. \
            Answer with JSON only.""")
    @UserMessage("""
            A clip titled "{title}". What is said in it: "{transcript}". Key phrases found: {topics}.
            Write a caption for Instagram (at most 2200 characters), one for TikTok (at most 150 characters) and a \
            YouTube Shorts title (at most 100 characters); up to 5 topics; the tone in one or two words; up to 8 \
            hashtags without spaces.""")
    LlmCopy write(String title, String transcript, String topics);
}
