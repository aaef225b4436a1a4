package io.contentfactory.metrics.domain;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishMinimalStemFilter;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * What a comment is about, as terms: Lucene's standard tokenizer, lower case, English stop words plus the function
 * words of short social text, plurals folded to the singular ("recipes" and "recipe" are one term). Words that only
 * say how the writer feels (every word VADER's lexicon rates: "love", "wow", "meh") are left out: sentiment has its
 * own score, and topics should name the content ("recipe", "sauce", "music"). Handles, links and numbers are dropped; a
 * hashtag counts as its word.
 */
public final class CommentTerms {

    /** Function words that Lucene's 33-word English list leaves in and that say nothing about a post's content. */
    private static final List<String> SOCIAL_FUNCTION_WORDS = List.of(
            "i", "im", "i'm", "me", "my", "mine", "you", "your", "yours", "u", "ur", "we", "our", "us", "he", "she",
            "him", "her", "his", "hers", "its", "it's", "them", "what", "where", "when", "why", "how", "who", "which",
            "do", "does", "did", "done", "have", "has", "had", "can", "could", "would", "should", "get", "got", "make",
            "made", "so", "just", "very", "really", "too", "also", "all", "any", "some", "more", "most", "much", "one",
            "out", "up", "down", "here", "now", "than", "from", "about", "been", "being", "were", "am", "let", "lets",
            "let's", "don't", "dont", "can't", "cant", "didn't", "im", "i've", "ive", "you're", "youre", "that's",
            "thats", "need", "want", "try", "know", "see", "look", "looks", "thing", "things", "way", "day", "time",
            "post", "video", "pic", "photo", "omg", "lol", "pls", "please", "yes", "yeah", "ok", "okay", "gonna",
            "wanna", "going", "go", "every", "again", "still", "even", "only", "ever", "never", "always");

    private static final CharArraySet STOP_WORDS = stopWords();
    private static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}'’-]*\\p{L}");
    private static final int MIN_LENGTH = 3;

    private final Set<String> sentimentWords;

    /** @param sentimentWords the words that rate a feeling rather than name a thing, in lower case */
    public CommentTerms(Set<String> sentimentWords) {
        this.sentimentWords = Set.copyOf(sentimentWords);
    }

    /** The comment's distinct content terms, in the order they first appear. */
    public List<String> of(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        Set<String> terms = new LinkedHashSet<>();
        try (StandardTokenizer tokenizer = new StandardTokenizer();
                TokenStream stream = new EnglishMinimalStemFilter(
                        new StopFilter(new EnglishPossessiveFilter(new LowerCaseFilter(tokenizer)), STOP_WORDS))) {
            tokenizer.setReader(new StringReader(withoutHandlesAndLinks(text)));
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                String word = term.toString();
                if (word.length() >= MIN_LENGTH && WORD.matcher(word).matches() && !sentimentWords.contains(word)) {
                    terms.add(word);
                }
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("a string reader failed", e);
        }
        return new ArrayList<>(terms);
    }

    private static String withoutHandlesAndLinks(String text) {
        return text.replaceAll("(?i)https?://\\S+", " ")
                .replaceAll("@\\w+", " ")
                .replace('#', ' ');
    }

    private static CharArraySet stopWords() {
        CharArraySet words = new CharArraySet(StandardAnalyzer.STOP_WORDS_SET, true);
        words.addAll(SOCIAL_FUNCTION_WORDS);
        return CharArraySet.unmodifiableSet(words);
    }
}
