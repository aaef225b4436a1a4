package io.contentfactory.kit.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.contentfactory.contracts.EventCodec;
import io.contentfactory.kit.domain.DomainError;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;

/** Reading request values and showing stored ones, the same way on every route. */
public final class ApiValues {

    private ApiValues() {}

    /** An enum constant by its lower-case name ({@code feed_image}); 400 with {@code code} and the valid names otherwise. */
    public static <E extends Enum<E>> E enumValue(Class<E> type, String value, String code) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new DomainError.Invalid(
                    code,
                    "'" + value + "' is not one of "
                            + Arrays.stream(type.getEnumConstants())
                                    .map(constant -> constant.name().toLowerCase(Locale.ROOT))
                                    .toList());
        }
    }

    /** An ISO-8601 instant; 400 {@code invalid_time} naming the parameter otherwise. */
    public static Instant instant(String name, String value) {
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new DomainError.Invalid(
                    "invalid_time", name + " is an ISO-8601 instant such as 2026-12-01T09:00:00Z");
        }
    }

    /** A JSON column (an error we stored, say) as a tree for a response; null stays null. */
    public static JsonNode storedJson(String json) {
        if (json == null) {
            return null;
        }
        try {
            return EventCodec.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored JSON column does not parse", e);
        }
    }
}
