package io.contentfactory.coach.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Writes creative briefs by deterministic rules. An {@code own_top_post} brief takes what beat the baseline (the post's
 * figure against the account's median), the media's topics and transcript, what the coach found worked and the
 * formats it recommends, and cites the snapshot entries it rests on. A {@code prompt_only} brief shapes a person's
 * prompt into the same parts. Both take their posting guidance from the project's own history.
 */
public final class BriefRules {

    static final int MAX_HOOKS = 3;
    static final int MAX_BEATS = 3;
    static final int ANGLE_WORDS = 12;

    private BriefRules() {}

    /** A brief's parts, what it was made from, and the snapshot entries it cites. */
    public record Draft(BriefContent content, Map<String, Object> reference, List<String> evidence) {}

    public static Draft ownTopPost(
            CoachSnapshot snapshot,
            TopPost top,
            CoachAdvice advice,
            UUID insightId,
            BriefContent.PostingGuidance guidance) {
        List<String> topics = CoachRules.topics(snapshot);
        String lead = topics.isEmpty() ? null : topics.getFirst();
        Optional<String> opening = firstSentence(snapshot);
        String platform = top.platform();
        String beat = String.format(
                Locale.ROOT,
                "%,d %s at %s, %.1fx the account's median of %,.0f",
                top.actual(),
                top.metric(),
                top.reading().metrics().checkpoint(),
                top.ratio(),
                top.median());

        List<String> hooks = new ArrayList<>();
        opening.ifPresent(line -> hooks.add("\"" + line + "\" (the opening of the post that did " + beat + ")"));
        if (lead != null) {
            hooks.add("\"What nobody shows you about " + lead + ".\"");
            hooks.add("\"I tried " + lead + " so you don't have to.\"");
        }
        hooks.add("\"Part 2: you asked for more of this.\"");

        List<String> intro = new ArrayList<>();
        intro.add(opening.map(line -> "Open on the line that worked: \"" + line + "\"")
                .orElse("Open on the same first second as the original: same motion, same promise."));
        List<String> body = new ArrayList<>();
        topics.stream().limit(MAX_BEATS).forEach(topic -> body.add("One beat on " + topic + ", shown, not told."));
        advice.worked().stream().limit(2).forEach(statement -> body.add("Keep what worked: " + statement.text()));
        if (body.isEmpty()) {
            body.add("Show the result first, then how it was done.");
        }
        List<String> cta = List.of(callToAction(advice));

        BriefContent content = new BriefContent(
                lead == null
                        ? "Remake of the " + platform + " post that beat your baseline"
                        : "More of \"" + lead + "\"",
                "Your " + platform + " audience, who gave this post " + beat + ".",
                opening.map(line -> "Deliver again what \"" + line + "\" promised, in a new format.")
                        .orElse(
                                lead == null
                                        ? "Deliver the same payoff as the original, in a new format."
                                        : "Deliver the payoff on " + lead + " again, in a new format."),
                hooks.stream().limit(MAX_HOOKS).toList(),
                new BriefContent.ScriptOutline(intro, List.copyOf(body), cta),
                directions(advice, lead),
                guidance);

        Map<String, Object> reference = new LinkedHashMap<>();
        reference.put("mediaId", snapshot.mediaId().toString());
        reference.put("postId", top.reading().metrics().postId().toString());
        reference.put("targetId", top.reading().metrics().targetId().toString());
        reference.put("platform", platform);
        reference.put("checkpoint", top.reading().metrics().checkpoint());
        reference.put("metric", top.metric());
        reference.put("value", top.actual());
        reference.put("baselineMedian", top.median());
        if (insightId != null) {
            reference.put("insightId", insightId.toString());
        }

        LinkedHashSet<String> evidence = new LinkedHashSet<>(top.evidence());
        if (!topics.isEmpty()) {
            evidence.add("feature.topics");
        }
        opening.ifPresent(line -> evidence.add("feature.transcript"));
        advice.worked().forEach(statement -> evidence.addAll(statement.evidence()));
        advice.formats().forEach(format -> evidence.addAll(format.description().evidence()));
        return new Draft(content, reference, List.copyOf(evidence));
    }

    public static Draft fromPrompt(String prompt, String audience, BriefContent.PostingGuidance guidance) {
        String promise = prompt.strip();
        String subject = firstClause(promise, ANGLE_WORDS);
        BriefContent content = new BriefContent(
                capitalized(subject),
                audience == null || audience.isBlank()
                        ? "People who follow this project on " + String.join(", ", guidance.platformPriority())
                        : audience.strip(),
                promise,
                List.of(
                        "\"" + capitalized(subject) + ": here is how, in under a minute.\"",
                        "\"Nobody tells you this about " + lowerFirst(subject) + ".\"",
                        "\"I tried it so you don't have to: " + lowerFirst(subject) + ".\""),
                new BriefContent.ScriptOutline(
                        List.of("Say the promise in the first second: " + promise),
                        List.of(
                                "Show the problem as the viewer lives it.",
                                "Show the way through in three steps, one a beat.",
                                "Show the result."),
                        List.of("Ask one question viewers can answer in a word, in the comments.")),
                new BriefContent.VisualDirections(
                        List.of("B-roll of each step as it is done."),
                        List.of("Vertical, close-up framing; say the hook to camera."),
                        List.of("The hook in large text from the first frame.")),
                guidance);
        Map<String, Object> reference = new LinkedHashMap<>();
        reference.put("prompt", promise);
        return new Draft(content, reference, List.of());
    }

    private static String callToAction(CoachAdvice advice) {
        return advice.nextActions().stream()
                .filter(action -> action.action().equals("invite_comments"))
                .findFirst()
                .map(action -> "Ask a question viewers answer in the comments: "
                        + action.why().text())
                .orElse("Ask viewers which part they want next, in the comments.");
    }

    private static BriefContent.VisualDirections directions(CoachAdvice advice, String lead) {
        List<String> broll = new ArrayList<>();
        List<String> faceCam = new ArrayList<>();
        List<String> overlays = new ArrayList<>();
        for (FormatSuggestion format : advice.formats()) {
            switch (format.format()) {
                case BROLL_TEXT, CAROUSEL, EXPLAINER ->
                    broll.add(format.description().text());
                case FACE_CAM, FACES_VIDEO -> faceCam.add(format.description().text());
            }
        }
        advice.nextActions().stream()
                .filter(action -> action.action().equals("add_text_hook"))
                .forEach(action -> overlays.add(action.why().text()));
        if (overlays.isEmpty()) {
            overlays.add(
                    lead == null ? "The hook in large text from the first frame." : "Large text: \"" + lead + "\".");
        }
        return new BriefContent.VisualDirections(broll, faceCam, overlays);
    }

    private static Optional<String> firstSentence(CoachSnapshot snapshot) {
        return snapshot.entry("feature.transcript")
                .map(entry -> String.valueOf(entry.value()).strip())
                .filter(text -> !text.isEmpty())
                .map(text -> {
                    int end = text.indexOf('.');
                    String sentence = end > 0 ? text.substring(0, end + 1) : text;
                    return sentence.length() > 140 ? sentence.substring(0, 140).strip() + "…" : sentence;
                });
    }

    /** The prompt's first clause, at most {@code max} words, without its closing punctuation. */
    private static String firstClause(String text, int max) {
        String clause = text.split("[.,;:!?](\\s|$)", 2)[0].strip();
        String[] words = clause.split("\\s+");
        return String.join(" ", java.util.Arrays.copyOf(words, Math.min(max, words.length)))
                .replaceAll("[.,;:!?]+$", "");
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static String lowerFirst(String text) {
        return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }
}
