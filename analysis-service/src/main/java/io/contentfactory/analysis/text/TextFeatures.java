package io.contentfactory.analysis.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Topics, hashtags, language and caption suggestions of one item: from its transcript when there is one, else from its
 * file name and the project's default hashtags. Deterministic.
 */
public record TextFeatures(
        String source,
        String language,
        List<String> topics,
        List<String> hashtags,
        Map<String, CaptionSuggestions.Suggestion> captions) {

    private static final int TOPICS = 5;
    private static final int HASHTAGS = 10;

    public static TextFeatures of(String transcript, String fileName, List<String> projectHashtags) {
        boolean spoken = transcript != null && !transcript.isBlank();
        String source = spoken ? "transcript" : "file_name";
        List<String> topics = Keywords.of(spoken ? transcript : CaptionSuggestions.titleOf(fileName), TOPICS);
        List<String> phrases = new ArrayList<>(topics);
        phrases.addAll(projectHashtags);
        List<String> hashtags = Hashtags.of(phrases, HASHTAGS);
        String body = spoken ? CaptionSuggestions.firstSentence(transcript) : CaptionSuggestions.titleOf(fileName);
        return new TextFeatures(
                source,
                spoken ? Language.of(transcript).orElse(null) : null,
                topics,
                hashtags,
                CaptionSuggestions.of(body, hashtags));
    }
}
