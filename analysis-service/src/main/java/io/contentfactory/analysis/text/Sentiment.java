package io.contentfactory.analysis.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * The overall sentiment of an English transcript, from -1 (negative) to 1 (positive): the valences of its words from
 * a lexicon ({@code text/sentiment-en.txt}), a word's valence reversed after a negation up to two words before it
 * ("not good"), the sum normalised as VADER does ({@code s / sqrt(s² + 15)}). Deterministic; empty for other languages.
 */
public final class Sentiment {

    private static final Map<String, Integer> VALENCE = load("/text/sentiment-en.txt");
    private static final Set<String> NEGATIONS = Set.of(
            "not", "no", "never", "don't", "dont", "isn't", "isnt", "wasn't", "wasnt", "can't", "cant", "won't", "wont",
            "didn't", "didnt", "nothing", "without");
    private static final double NORMALISER = 15;

    private Sentiment() {}

    /** @param language the transcript's ISO 639-1 code, or null when it was not detected */
    public static OptionalDouble of(String transcript, String language) {
        if (transcript == null || transcript.isBlank() || (language != null && !language.equals("en"))) {
            return OptionalDouble.empty();
        }
        String[] words = transcript.toLowerCase(Locale.ROOT).replace('’', '\'').split("[^\\p{L}']+");
        double sum = 0;
        for (int i = 0; i < words.length; i++) {
            Integer valence = VALENCE.get(words[i]);
            if (valence != null) {
                sum += negated(words, i) ? -valence : valence;
            }
        }
        return OptionalDouble.of(Math.round(sum / Math.sqrt(sum * sum + NORMALISER) * 1000) / 1000.0);
    }

    private static boolean negated(String[] words, int at) {
        for (int back = 1; back <= 2 && at - back >= 0; back++) {
            if (NEGATIONS.contains(words[at - back])) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, Integer> load(String resource) {
        Map<String, Integer> valence = new HashMap<>();
        try (InputStream in = Sentiment.class.getResourceAsStream(resource);
                BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                String entry = line.strip();
                if (!entry.isEmpty() && !entry.startsWith("#")) {
                    String[] parts = entry.split("\\s+");
                    valence.put(parts[0], Integer.parseInt(parts[1]));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(valence);
    }
}
