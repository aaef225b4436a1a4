package io.contentfactory.kit.domain;

import jakarta.persistence.AttributeConverter;
import java.util.Locale;

/**
 * An enum whose values the database, the API and the events write in lower case ({@code needs_decision} for {@code
 * NEEDS_DECISION}): statuses, whose CHECK constraints list the same values.
 */
public interface WireEnum {

    String name();

    /** The value as the database and the API write it. */
    default String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The constant of {@code type} written {@code value}; an unknown value is refused. */
    static <E extends Enum<E> & WireEnum> E ofWire(Class<E> type, String value) {
        for (E constant : type.getEnumConstants()) {
            if (constant.wire().equals(value)) {
                return constant;
            }
        }
        throw new IllegalArgumentException("no " + type.getSimpleName() + " '" + value + "'");
    }

    /**
     * The constant of {@code type} a person may have spelt loosely: case, spaces, slashes and dashes are folded into
     * the wire value ({@code Problem/Solution} and {@code problem-solution} are {@code problem_solution}).
     */
    static <E extends Enum<E> & WireEnum> java.util.Optional<E> loosely(Class<E> type, String value) {
        String wire = value.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s/\\-]+", "_");
        for (E constant : type.getEnumConstants()) {
            if (constant.wire().equals(wire)) {
                return java.util.Optional.of(constant);
            }
        }
        return java.util.Optional.empty();
    }

    /** Every wire value of {@code type}, in declaration order: what an error message offers instead. */
    static <E extends Enum<E> & WireEnum> java.util.List<String> wires(Class<E> type) {
        return java.util.Arrays.stream(type.getEnumConstants())
                .map(WireEnum::wire)
                .toList();
    }

    /** Stores an enum as its wire value; each enum names its own subclass in its entities' {@code @Convert}. */
    abstract class Column<E extends Enum<E> & WireEnum> implements AttributeConverter<E, String> {

        private final Class<E> type;

        protected Column(Class<E> type) {
            this.type = type;
        }

        @Override
        public String convertToDatabaseColumn(E value) {
            return value == null ? null : value.wire();
        }

        @Override
        public E convertToEntityAttribute(String value) {
            return value == null ? null : ofWire(type, value);
        }
    }
}
