package io.contentfactory.coach.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The seed's {@code derivative_planner}: one plan for each format the coach recommends remaking a top post in, aimed
 * at the platform where it did best, with a length that suits the format and the source.
 */
public final class DerivativePlanning {

    private DerivativePlanning() {}

    public static List<DerivativePlan> plans(
            UUID projectId, UUID briefId, CoachSnapshot snapshot, TopPost top, CoachAdvice advice, Instant at) {
        String platform = top.platform();
        Double sourceLength = snapshot.media() == null ? null : snapshot.media().durationSec();
        return advice.formats().stream()
                .map(format -> DerivativePlan.planned(
                        projectId,
                        briefId,
                        snapshot.mediaId(),
                        format.format(),
                        format.description().text(),
                        platform,
                        lengthOf(format.format(), sourceLength),
                        at))
                .toList();
    }

    /**
     * Seconds for a video format (null for a carousel): a face-cam re-take and a B-roll cut stay short, an explainer
     * and a conversation take the time the source took, within bounds.
     */
    static Integer lengthOf(FormatType format, Double sourceLength) {
        int source = sourceLength == null ? 30 : (int) Math.round(sourceLength);
        return switch (format) {
            case BROLL_TEXT -> Math.min(15, Math.max(7, source));
            case FACE_CAM -> Math.min(30, Math.max(10, source));
            case EXPLAINER -> Math.min(90, Math.max(30, source));
            case FACES_VIDEO -> Math.min(90, Math.max(45, source));
            case CAROUSEL -> null;
        };
    }
}
