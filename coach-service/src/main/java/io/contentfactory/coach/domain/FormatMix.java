package io.contentfactory.coach.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The format mixer: which formats to remake a media item in, from what it has. Faces on screen suggest a face-cam
 * re-take of the hook; its topics, a B-roll cut with the hook as text and, from three topics, a carousel with one a
 * slide; enough speech over half a minute, an explainer; a post whose comments run high, a conversation answering
 * them. At most three, in that order.
 */
final class FormatMix {

    static final int MAX_FORMATS = 3;

    private FormatMix() {}

    static List<FormatSuggestion> suggest(CoachSnapshot snapshot) {
        List<FormatSuggestion> formats = new ArrayList<>();
        List<String> topics = CoachRules.topics(snapshot);
        String lead = topics.isEmpty() ? null : topics.getFirst();
        boolean video = snapshot.media() != null && snapshot.media().video();
        Optional<Evidence> faces = snapshot.entry("feature.faces_share");
        if (video && faces.isPresent() && ((Number) faces.get().value()).doubleValue() >= 0.3) {
            formats.add(new FormatSuggestion(
                    FormatType.FACE_CAM,
                    lead == null
                            ? Statement.of(
                                    "Re-take the hook face to camera, close-up and vertical, saying the promise in the"
                                            + " first second.",
                                    faces.get().id())
                            : Statement.of(
                                    "Re-take the hook face to camera, close-up and vertical, opening on \"" + lead
                                            + "\".",
                                    faces.get().id(),
                                    "feature.topics")));
        }
        if (lead != null && video) {
            formats.add(new FormatSuggestion(
                    FormatType.BROLL_TEXT,
                    Statement.of(
                            "Cut B-roll of the subject under large on-screen text stating the hook about \"" + lead
                                    + "\".",
                            "feature.topics")));
        }
        Optional<Evidence> speech = snapshot.entry("feature.speech_ratio");
        Optional<Evidence> length = snapshot.entry("feature.duration_sec");
        if (speech.isPresent()
                && length.isPresent()
                && snapshot.has("feature.transcript")
                && ((Number) speech.get().value()).doubleValue() >= 0.4
                && ((Number) length.get().value()).doubleValue() >= 30) {
            formats.add(new FormatSuggestion(
                    FormatType.EXPLAINER,
                    Statement.of(
                            "Turn what is said into a step-by-step explainer, one step a beat, with the steps as"
                                    + " text.",
                            "feature.transcript",
                            speech.get().id(),
                            length.get().id())));
        }
        if (topics.size() >= 3) {
            formats.add(new FormatSuggestion(
                    FormatType.CAROUSEL,
                    Statement.of(
                            "A carousel with one slide a point: " + String.join(", ", topics.subList(0, 3)) + ".",
                            "feature.topics")));
        }
        talkative(snapshot)
                .ifPresent(comments -> formats.add(new FormatSuggestion(
                        FormatType.FACES_VIDEO,
                        Statement.of(
                                "Film a conversation with a guest answering this post's most common comments.",
                                comments.get(0),
                                comments.get(1)))));
        return formats.size() > MAX_FORMATS ? List.copyOf(formats.subList(0, MAX_FORMATS)) : List.copyOf(formats);
    }

    /** The comments and views ids of a reading with at least one comment in a hundred views. */
    private static Optional<List<String>> talkative(CoachSnapshot snapshot) {
        for (CoachSnapshot.Reading reading : snapshot.latestPerTarget()) {
            Optional<Long> comments = CoachRules.count(snapshot, reading, "comments");
            Optional<Long> views = CoachRules.count(snapshot, reading, "views");
            if (comments.isPresent()
                    && views.isPresent()
                    && views.get() >= 100
                    && comments.get() * 100 >= views.get()) {
                return Optional.of(
                        List.of(reading.prefix("metric") + ".comments", reading.prefix("metric") + ".views"));
            }
        }
        return Optional.empty();
    }
}
