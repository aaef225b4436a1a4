package io.contentfactory.analysis.scoring;

import io.contentfactory.analysis.text.Keywords;
import io.contentfactory.contracts.events.PatternImported;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * Which of the project's imported top-performer patterns a media item resembles (the seed's "trend overlap with
 * Kalodata patterns"), and how much: the share of the pattern's hook words the item says or is about, how close its
 * length is, and whether its shape matches the pattern's format. Deterministic; weighed into the score by {@link
 * ScoreWeights#patternOverlap()}, which is zero until weights are learned.
 */
public final class PatternOverlap {

    static final double WORDS = 0.6;
    static final double LENGTH = 0.25;
    static final double FORMAT = 0.15;
    /** Below this a pattern is not named: a shared shape alone is no resemblance. */
    static final double MIN_SIMILARITY = 0.3;

    static final int MAX_MATCHES = 3;

    private PatternOverlap() {}

    /**
     * What the item is, as patterns are compared with it.
     *
     * @param words       its topics, the key words of what is said and of its file's title
     * @param durationSec null for an image
     * @param format      the seed's format its pictures and sound suggest ({@link #formatOf})
     */
    public record MediaShape(Set<String> words, Double durationSec, String format) {}

    /** One resembled pattern: its similarity (0–1) and why. */
    public record Match(UUID patternId, double similarity, List<String> sharedWords, String hookText, String reason) {}

    public static MediaShape shape(
            List<String> topics,
            String transcript,
            String title,
            Double durationSec,
            int framesSampled,
            int framesWithFaces,
            double meanFacesWhenAny,
            int framesWithText,
            double speechRatio) {
        Set<String> words = new LinkedHashSet<>(words(String.join(". ", topics)));
        for (String text : new String[] {transcript, title}) {
            if (text != null) {
                words.addAll(words(text));
            }
        }
        return new MediaShape(
                Set.copyOf(words),
                durationSec,
                formatOf(durationSec, framesSampled, framesWithFaces, meanFacesWhenAny, framesWithText, speechRatio));
    }

    /** The seed's format a media item's pictures and sound suggest. */
    static String formatOf(
            Double durationSec,
            int framesSampled,
            int framesWithFaces,
            double meanFacesWhenAny,
            int framesWithText,
            double speechRatio) {
        if (durationSec == null) {
            return "carousel";
        }
        double faces = framesSampled == 0 ? 0 : framesWithFaces / (double) framesSampled;
        double text = framesSampled == 0 ? 0 : framesWithText / (double) framesSampled;
        if (faces >= 0.5) {
            return meanFacesWhenAny >= 1.5 ? "faces_video" : "face_cam";
        }
        if (speechRatio >= 0.5 && text >= 0.3) {
            return "explainer";
        }
        return "broll_text";
    }

    /** The patterns the item resembles, most alike first, at most {@link #MAX_MATCHES}. */
    public static List<Match> of(List<PatternImported.Pattern> patterns, MediaShape media) {
        List<Match> matches = new ArrayList<>();
        for (PatternImported.Pattern pattern : patterns) {
            Set<String> hook = words(pattern.hookText());
            List<String> shared =
                    hook.stream().filter(media.words()::contains).sorted().toList();
            if (hook.isEmpty() || shared.isEmpty()) {
                continue;
            }
            double wordShare = shared.size()
                    / (double) Math.min(hook.size(), Math.max(1, media.words().size()));
            double length = lengthFit(pattern.lengthSec(), media.durationSec());
            boolean sameFormat = pattern.formatType().equals(media.format());
            double similarity = round(WORDS * Math.min(1, wordShare) + LENGTH * length + FORMAT * (sameFormat ? 1 : 0));
            if (similarity >= MIN_SIMILARITY) {
                matches.add(new Match(
                        pattern.patternId(),
                        similarity,
                        shared,
                        pattern.hookText(),
                        reason(pattern, shared, similarity, media, sameFormat)));
            }
        }
        return matches.stream()
                .sorted(Comparator.comparingDouble(Match::similarity)
                        .reversed()
                        .thenComparing(match -> match.patternId().toString()))
                .limit(MAX_MATCHES)
                .toList();
    }

    /** The score's part: points for the closest pattern, out of the weight (zero until weights are learned). */
    public static PreSocialScore.Contribution contribution(List<Match> matches, int patternsKnown, double weight) {
        if (patternsKnown == 0) {
            return new PreSocialScore.Contribution(
                    "pattern_overlap", 0, weight, "no top-performer patterns imported to compare with");
        }
        if (matches.isEmpty()) {
            return new PreSocialScore.Contribution(
                    "pattern_overlap",
                    0,
                    weight,
                    String.format(Locale.ROOT, "resembles none of %d imported patterns", patternsKnown));
        }
        Match best = matches.getFirst();
        return new PreSocialScore.Contribution("pattern_overlap", weight * best.similarity(), weight, best.reason());
    }

    private static String reason(
            PatternImported.Pattern pattern,
            List<String> shared,
            double similarity,
            MediaShape media,
            boolean sameFormat) {
        String hook = pattern.hookText().length() > 60 ? pattern.hookText().substring(0, 60) + "…" : pattern.hookText();
        StringBuilder reason = new StringBuilder(String.format(
                Locale.ROOT,
                "resembles pattern \"%s\" %.0f%% (shares %s",
                hook,
                similarity * 100,
                String.join(", ", shared)));
        if (pattern.lengthSec() != null && media.durationSec() != null) {
            reason.append(
                    String.format(Locale.ROOT, ", %.0f s against its %d s", media.durationSec(), pattern.lengthSec()));
        }
        // No "; " inside a reason: the stored explanation joins the parts with it.
        reason.append(
                sameFormat
                        ? ", same format " + media.format()
                        : ", " + media.format() + " not " + pattern.formatType());
        return reason.append(')').toString();
    }

    private static double lengthFit(Integer patternSec, Double mediaSec) {
        if (patternSec == null || mediaSec == null) {
            return 0;
        }
        return 1 - Math.abs(patternSec - mediaSec) / Math.max(patternSec, mediaSec);
    }

    /** The distinct words of a text's key phrases, a plural's final s dropped. */
    static Set<String> words(String text) {
        Set<String> words = new LinkedHashSet<>();
        for (String phrase : Keywords.of(text, 40)) {
            for (String word : phrase.split(" ")) {
                words.add(
                        word.length() > 3 && word.endsWith("s") && !word.endsWith("ss")
                                ? word.substring(0, word.length() - 1)
                                : word);
            }
        }
        return words;
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
