package io.contentfactory.studio.domain;

import java.util.List;
import java.util.UUID;

/**
 * What a generation is made from, read from its source, with the defaults the source gives the post: a plan names
 * its format, platform and length, a brief its platforms in priority order, a prompt nothing.
 *
 * @param sourceType {@code prompt}, {@code brief} or {@code plan}
 * @param sourceId   the brief's or plan's id; null for a prompt
 * @param format     the source's format; null when it names none
 * @param platforms  the source's platforms; empty when it names none
 * @param seconds    the source's length; null when it names none
 */
public record SourceMaterial(
        String sourceType,
        UUID sourceId,
        String prompt,
        Direction direction,
        GenerationFormat format,
        List<String> platforms,
        Double seconds) {

    public SourceMaterial {
        platforms = List.copyOf(platforms);
    }

    public static SourceMaterial ofPrompt(String prompt) {
        return new SourceMaterial("prompt", null, prompt.strip(), Direction.ofPrompt(prompt), null, List.of(), null);
    }

    public static SourceMaterial ofBrief(UUID briefId, SourceBrief brief) {
        return new SourceMaterial(
                "brief", briefId, brief.prompt(), brief.direction(), null, brief.platformPriority(), null);
    }

    /**
     * A plan carries out its brief's outline when it has one, else its instructions are the outline; either way the
     * instructions are the prompt.
     */
    public static SourceMaterial ofPlan(UUID planId, SourcePlan plan, java.util.Optional<SourceBrief> brief) {
        Direction direction =
                brief.map(SourceBrief::direction).orElseGet(() -> Direction.ofPrompt(plan.instructions()));
        return new SourceMaterial(
                "plan",
                planId,
                plan.instructions().strip(),
                direction,
                plan.format(),
                plan.targetPlatform() == null ? List.of() : List.of(plan.targetPlatform()),
                plan.estimatedLengthSec() == null
                        ? null
                        : plan.estimatedLengthSec().doubleValue());
    }
}
