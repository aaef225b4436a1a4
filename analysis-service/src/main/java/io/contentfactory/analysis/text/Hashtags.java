package io.contentfactory.analysis.text;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Hashtags from phrases: {@code "morning routine"} becomes {@code #MorningRoutine}; duplicates (any case) dropped. */
public final class Hashtags {

    private static final int MAX_LENGTH = 30;

    private Hashtags() {}

    public static List<String> of(List<String> phrases, int limit) {
        Set<String> seen = new LinkedHashSet<>();
        List<String> tags = new ArrayList<>();
        for (String phrase : phrases) {
            String tag = tag(phrase);
            if (tag.length() > 1 && tag.length() <= MAX_LENGTH && seen.add(tag.toLowerCase(Locale.ROOT))) {
                tags.add(tag);
                if (tags.size() == limit) {
                    break;
                }
            }
        }
        return tags;
    }

    static String tag(String phrase) {
        String plain = Normalizer.normalize(phrase.strip(), Normalizer.Form.NFC).replaceFirst("^#+", "");
        StringBuilder tag = new StringBuilder("#");
        for (String word : plain.split("[^\\p{L}\\p{N}]+")) {
            if (!word.isEmpty()) {
                tag.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
            }
        }
        return tag.toString();
    }
}
