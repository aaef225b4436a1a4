package io.contentfactory.coach.domain;

import io.contentfactory.kit.domain.WireEnum;
import jakarta.persistence.Converter;
import java.util.Optional;

/**
 * The sales angle of a top-performer pattern (Kalodata's "creative type"). An import may spell it loosely ({@code
 * Problem/Solution}, {@code before-after}); {@link #parse} reads it {@link WireEnum#loosely loosely}.
 * The database's {@code top_patterns_angle_check} lists the same values.
 */
public enum PatternAngle implements WireEnum {
    UGC,
    TESTIMONIAL,
    PROBLEM_SOLUTION,
    DEMO,
    UNBOXING,
    BEFORE_AFTER,
    TUTORIAL,
    COMPARISON,
    STORYTIME,
    REVIEW;

    public static Optional<PatternAngle> parse(String value) {
        return WireEnum.loosely(PatternAngle.class, value);
    }

    /** Stores the angle as its wire value. */
    @Converter
    public static class Column extends WireEnum.Column<PatternAngle> {
        public Column() {
            super(PatternAngle.class);
        }
    }
}
