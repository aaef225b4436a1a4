package io.contentfactory.studio.domain;

import java.util.List;

/**
 * The parts of a coach creative brief a generation is made from: its promise, hooks, script outline and directions.
 */
public record SourceBrief(
        String angleName,
        String corePromise,
        List<String> hookIdeas,
        List<String> intro,
        List<String> body,
        List<String> cta,
        List<String> broll,
        List<String> textOverlays,
        List<String> platformPriority) {

    public SourceBrief {
        hookIdeas = hookIdeas == null ? List.of() : List.copyOf(hookIdeas);
        platformPriority = platformPriority == null ? List.of() : List.copyOf(platformPriority);
    }

    /** The brief's outline as the shot planner reads it: its first hook opens the post. */
    public Direction direction() {
        return new Direction(hookIdeas.isEmpty() ? null : hookIdeas.getFirst(), intro, body, cta, broll, textOverlays);
    }

    /** What the brief promises, in words: the generation's prompt. */
    public String prompt() {
        if (corePromise != null && !corePromise.isBlank()) {
            return corePromise.strip();
        }
        return angleName == null ? "" : angleName.strip();
    }
}
