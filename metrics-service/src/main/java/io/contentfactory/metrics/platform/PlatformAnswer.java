package io.contentfactory.metrics.platform;

import io.vertx.core.json.JsonObject;

/** A platform's answer body as JSON, if it is a JSON object: error pages from proxies and gateways are not. */
final class PlatformAnswer {

    private PlatformAnswer() {}

    /**
     * A counter of an answer: a JSON number, or a string of digits as YouTube sends its unsigned 64-bit counts; null
     * when the field is absent or not a count (not reported is never 0).
     */
    static Long count(JsonObject object, String field) {
        Object value = object.getValue(field);
        if (value instanceof Number number) {
            return number.longValue();
        }
        try {
            return value instanceof String digits ? Long.parseLong(digits) : null;
        } catch (NumberFormatException notACount) {
            return null;
        }
    }

    /** The body as a JSON object; null when it is empty or not a JSON object. */
    static JsonObject json(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return new JsonObject(text);
        } catch (RuntimeException notJson) {
            return null;
        }
    }
}
