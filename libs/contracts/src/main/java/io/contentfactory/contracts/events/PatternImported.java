package io.contentfactory.contracts.events;

import java.util.List;
import java.util.UUID;

/**
 * Top-performer patterns were imported into the project, or re-imported with new fields: what analysis compares each
 * media item with. A large import is announced in several events of at most {@link #MAX_PATTERNS} patterns each.
 *
 * @param importId the import that wrote them
 */
public record PatternImported(UUID importId, List<Pattern> patterns) implements PipelineEvent {

    public static final int MAX_PATTERNS = 500;

    /**
     * One pattern as analysis reads it; the source's figures and price stay with the coach.
     *
     * @param formatType {@code broll_text}, {@code face_cam}, {@code faces_video}, {@code explainer} or {@code carousel}
     * @param angle      {@code ugc}, {@code testimonial}, {@code problem_solution}...
     * @param lengthSec  null when the source did not say
     */
    public record Pattern(
            UUID patternId,
            String hookText,
            String introStyle,
            Integer lengthSec,
            String formatType,
            String productCategory,
            String angle) {

        public Pattern {
            Required.fields("patternId", patternId, "hookText", hookText, "formatType", formatType, "angle", angle);
        }
    }

    public PatternImported {
        Required.fields("importId", importId, "patterns", patterns);
        patterns = List.copyOf(patterns);
    }

    @Override
    public String partitionKey(UUID projectId) {
        return projectId.toString();
    }
}
