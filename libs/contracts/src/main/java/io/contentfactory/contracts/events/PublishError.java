package io.contentfactory.contracts.events;

import java.util.Map;

/** Why a publish attempt failed, in the shape every publish job stores. */
public record PublishError(String code, String message, String stage, boolean retryable, Map<String, Object> details) {
    public PublishError {
        Required.fields("code", code, "message", message, "stage", stage);
        details = details == null ? Map.of() : withoutNulls(details);
    }

    /** A platform's optional fields may come as null; a null detail is no detail (and {@link Map#copyOf} refuses it). */
    private static Map<String, Object> withoutNulls(Map<String, Object> details) {
        java.util.LinkedHashMap<String, Object> present = new java.util.LinkedHashMap<>();
        details.forEach((key, value) -> {
            if (key != null && value != null) {
                present.put(key, value);
            }
        });
        return java.util.Collections.unmodifiableMap(present);
    }
}
