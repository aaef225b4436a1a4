package io.contentfactory.studio.domain;

import java.util.List;

/**
 * What a generation is made from: a creative brief's outline and directions, a derivative plan's, or a free prompt
 * (then {@code intro} holds the prompt's first sentence and {@code body} the rest).
 *
 * @param hook         the line the post opens with, on screen; null to use the first line of the intro
 * @param intro        the opening lines
 * @param body         the middle lines
 * @param cta          the closing call to action
 * @param broll        what to show, shot by shot, in words; may be empty
 * @param textOverlays words for the screen, shot by shot; may be empty
 */
public record Direction(
        String hook,
        List<String> intro,
        List<String> body,
        List<String> cta,
        List<String> broll,
        List<String> textOverlays) {

    public Direction {
        intro = intro == null ? List.of() : List.copyOf(intro);
        body = body == null ? List.of() : List.copyOf(body);
        cta = cta == null ? List.of() : List.copyOf(cta);
        broll = broll == null ? List.of() : List.copyOf(broll);
        textOverlays = textOverlays == null ? List.of() : List.copyOf(textOverlays);
    }

    /** A free prompt: its first sentence opens the post, the others are its middle. */
    public static Direction ofPrompt(String prompt) {
        List<String> sentences = java.util.Arrays.stream(prompt.trim().split("(?<=[.!?])\\s+"))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
        return new Direction(
                null, sentences.subList(0, 1), sentences.subList(1, sentences.size()), List.of(), List.of(), List.of());
    }

    /** Every line in the order the post says them. */
    public List<String> lines() {
        List<String> all = new java.util.ArrayList<>(intro);
        all.addAll(body);
        all.addAll(cta);
        return all;
    }

    public String opening() {
        if (hook != null && !hook.isBlank()) {
            return hook;
        }
        return intro.isEmpty() ? (body.isEmpty() ? null : body.getFirst()) : intro.getFirst();
    }
}
