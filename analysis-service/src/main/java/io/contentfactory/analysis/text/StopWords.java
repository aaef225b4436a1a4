package io.contentfactory.analysis.text;

import java.util.Set;

/** English stop words (after the SMART list's most frequent entries), and words that say nothing about a video's topic. */
final class StopWords {

    static final Set<String> ENGLISH = Set.of(
            "a", "about", "above", "after", "again", "against", "all", "am", "an", "and", "any", "are", "as", "at", "be",
            "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "could", "did", "do",
            "does", "doing", "down", "during", "each", "few", "for", "from", "further", "get", "got", "had", "has",
            "have", "having", "he", "her", "here", "hers", "herself", "him", "himself", "his", "how", "i", "if", "in",
            "into", "is", "it", "its", "itself", "just", "let", "like", "me", "more", "most", "my", "myself", "no", "nor",
            "not", "now", "of", "off", "on", "once", "one", "only", "or", "other", "our", "ours", "ourselves", "out",
            "over", "own", "really", "same", "she", "should", "so", "some", "such", "than", "that", "the", "their",
            "theirs", "them", "themselves", "then", "there", "these", "they", "this", "those", "through", "to", "too",
            "under", "until", "up", "us", "very", "was", "we", "were", "what", "when", "where", "which", "while", "who",
            "whom", "why", "will", "with", "would", "you", "your", "yours", "yourself", "yourselves", "thing", "things",
            "okay", "ok", "yeah", "gonna", "wanna", "also", "go", "going", "know", "make", "see", "way", "want",
            "img", "vid", "video", "clip", "final", "copy", "edit", "export", "mov", "mp4", "jpg", "jpeg", "png", "dsc");

    private StopWords() {
    }
}
