package io.contentfactory.kit.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.contentfactory.contracts.EventCodec;
import io.contentfactory.kit.problem.ProblemException;
import java.util.Arrays;
import java.util.Locale;

/** Reading request values and showing stored ones, the same way on every route. */
public final class ApiValues {

    private ApiValues() {
    }

    /** An enum constant by its lower-case name ({@code feed_image}); 400 with {@code code} and the valid names otherwise. */
    public static <E extends Enum<E>> E enumValue(Class<E> type, String value, String code) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(code, "'" + value + "' is not one of " + Arrays.stream(type.getEnumConstants())
                    .map(constant -> constant.name().toLowerCase(Locale.ROOT)).toList());
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
