package io.contentfactory.coach.api;

import io.contentfactory.coach.domain.TopPattern;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A top-performer pattern as the API shows it. */
@Schema(name = "TopPattern")
public record PatternView(
        UUID id,
        String hookText,

        @Schema(description = "How it opens (\"cold open on the product\"); null when the source did not say")
        String introStyle,

        @Schema(description = "Seconds; null when the source did not say")
        Integer lengthSec,

        @Schema(enumeration = {"broll_text", "face_cam", "faces_video", "explainer", "carousel"})
        String formatType,

        String productCategory,
        BigDecimal priceMin,
        BigDecimal priceMax,

        @Schema(description = "ISO 4217, with a price") String currency,

        @Schema(
                enumeration = {
                    "ugc",
                    "testimonial",
                    "problem_solution",
                    "demo",
                    "unboxing",
                    "before_after",
                    "tutorial",
                    "comparison",
                    "storytime",
                    "review"
                })
        String angle,

        @Schema(description = "The source's own figures by name, as imported (views, likes, gmv...)")
        Map<String, BigDecimal> sourceMetrics,

        @Schema(description = "Where it came from: a URL or the source's id; unique in the project")
        String sourceReference,

        @Schema(description = "The import that last wrote it")
        UUID importId,

        Instant createdAt,
        Instant updatedAt) {

    static PatternView of(TopPattern pattern) {
        return new PatternView(
                pattern.id,
                pattern.hookText,
                pattern.introStyle,
                pattern.lengthSec,
                pattern.format.wire(),
                pattern.productCategory,
                pattern.priceMin,
                pattern.priceMax,
                pattern.currency,
                pattern.angle.wire(),
                pattern.sourceMetrics,
                pattern.sourceReference,
                pattern.importId,
                pattern.createdAt,
                pattern.updatedAt);
    }
}
