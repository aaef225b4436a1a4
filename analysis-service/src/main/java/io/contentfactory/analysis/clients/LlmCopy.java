package io.contentfactory.analysis.clients;

import java.util.List;

/** What the LLM wrote for a clip. */
public record LlmCopy(
        String instagram,
        String tiktok,
        String youtubeShorts,
        List<String> topics,
        String tone,
        List<String> hashtags) {}
