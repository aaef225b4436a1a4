package io.contentfactory.analysis.text;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A caption and hashtag set for each platform, within its limits: Instagram (2,200 characters, 30 hashtags; five
 * suggested), TikTok (2,200 characters; four hashtags), YouTube Shorts (a title of 100 characters, three hashtags, one
 * of them #Shorts). The caption body is the transcript's first sentence when there is one, else the file's title.
 */
public final class CaptionSuggestions {

    /** One platform's suggestion. */
    public record Suggestion(String caption, List<String> hashtags) {}

    private record Limits(int captionChars, int hashtags) {}

    private static final Map<String, Limits> PLATFORMS = Map.of(
            "instagram", new Limits(2200, 5),
            "tiktok", new Limits(2200, 4),
            "youtube_shorts", new Limits(100, 3));

    private CaptionSuggestions() {}

    public static Map<String, Suggestion> of(String body, List<String> hashtags) {
        Map<String, Suggestion> suggestions = new LinkedHashMap<>();
        for (String platform : List.of("instagram", "tiktok", "youtube_shorts")) {
            Limits limits = PLATFORMS.get(platform);
            List<String> tags = new ArrayList<>(hashtags.subList(0, Math.min(hashtags.size(), limits.hashtags())));
            if (platform.equals("youtube_shorts")) {
                tags = new ArrayList<>(tags.subList(0, Math.min(tags.size(), limits.hashtags() - 1)));
                tags.add("#Shorts");
            }
            suggestions.put(platform, new Suggestion(fit(body, limits.captionChars()), List.copyOf(tags)));
        }
        return suggestions;
    }

    /** The first sentence of a transcript, as a caption body. */
    public static String firstSentence(String transcript) {
        String text = transcript.strip();
        int end = -1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c == '.' || c == '!' || c == '?') && i > 10) {
                end = i + 1;
                break;
            }
        }
        return end > 0 ? text.substring(0, end) : text;
    }

    /** A readable title from a file name: {@code morning-routine_v2.mp4} becomes {@code Morning routine v2}. */
    public static String titleOf(String fileName) {
        String stem = fileName.replaceFirst("\\.[^.]+$", "")
                .replaceAll("[-_]+", " ")
                .replaceAll("\\s+", " ")
                .trim();
        return stem.isEmpty() ? "" : stem.substring(0, 1).toUpperCase(Locale.ROOT) + stem.substring(1);
    }

    private static String fit(String text, int limit) {
        if (text.length() <= limit) {
            return text;
        }
        int cut = text.lastIndexOf(' ', limit - 1);
        return text.substring(0, cut > limit / 2 ? cut : limit - 1).strip() + "…";
    }
}
