package io.contentfactory.studio.domain;

import java.util.UUID;

/**
 * The parts of a coach derivative-media plan a generation is made from.
 *
 * @param briefId            the brief the plan carries out; null for a plan written without one
 * @param formatType         {@code broll_text}, {@code face_cam}, {@code faces_video}, {@code explainer} or
 *                           {@code carousel}
 * @param estimatedLengthSec seconds; null for a carousel
 */
public record SourcePlan(
        UUID briefId, String formatType, String instructions, String targetPlatform, Integer estimatedLengthSec) {

    /** A carousel plan makes a carousel; every other format is a video. */
    public GenerationFormat format() {
        return "carousel".equals(formatType) ? GenerationFormat.CAROUSEL : GenerationFormat.REEL;
    }
}
