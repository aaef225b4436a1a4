package io.contentfactory.analysis.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * RAKE (Rapid Automatic Keyword Extraction, Rose et al. 2010): candidate phrases are the runs of words between stop
 * words and punctuation; each word scores its degree over its frequency, a phrase the sum of its words. Deterministic:
 * ties keep the order in which phrases first appear.
 */
public final class Keywords {

    private static final Pattern SENTENCE_BREAK = Pattern.compile("[.!?,;:\\t\\n\"()\\[\\]{}\\u2013\\u2014]|\\s-\\s");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}']+");
    private static final int MAX_PHRASE_WORDS = 3;

    private Keywords() {}

    /** Up to {@code limit} key phrases of {@code text}, best first, lower case. */
    public static List<String> of(String text, int limit) {
        Set<String> stopWords = StopWords.ENGLISH;
        List<List<String>> phrases = new ArrayList<>();
        for (String part : SENTENCE_BREAK.split(text.toLowerCase(Locale.ROOT))) {
            List<String> run = new ArrayList<>();
            var matcher = WORD.matcher(part);
            while (matcher.find()) {
                String word = matcher.group().replaceAll("^'+|'+$", "");
                if (word.isEmpty()
                        || stopWords.contains(word)
                        || word.chars().allMatch(Character::isDigit)
                        || word.length() < 2) {
                    addPhrase(phrases, run);
                    run = new ArrayList<>();
                } else {
                    run.add(word);
                }
            }
            addPhrase(phrases, run);
        }
        Map<String, Integer> frequency = new HashMap<>();
        Map<String, Integer> degree = new HashMap<>();
        for (List<String> phrase : phrases) {
            for (String word : phrase) {
                frequency.merge(word, 1, Integer::sum);
                degree.merge(word, phrase.size() - 1, Integer::sum);
            }
        }
        Map<String, Double> scores = new LinkedHashMap<>();
        for (List<String> phrase : phrases) {
            double score = phrase.stream()
                    .mapToDouble(w -> (degree.get(w) + frequency.get(w)) / (double) frequency.get(w))
                    .sum();
            scores.merge(String.join(" ", phrase), score, Math::max);
        }
        return scores.entrySet().stream()
                .sorted((a, b) -> Double.compare(b.getValue(), a.getValue()))
                .limit(limit)
                .map(Map.Entry::getKey)
                .toList();
    }

    private static void addPhrase(List<List<String>> phrases, List<String> run) {
        for (int start = 0; start < run.size(); start += MAX_PHRASE_WORDS) {
            phrases.add(run.subList(start, Math.min(run.size(), start + MAX_PHRASE_WORDS)));
        }
    }
}
