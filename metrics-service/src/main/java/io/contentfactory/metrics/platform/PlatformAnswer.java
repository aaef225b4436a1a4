package io.contentfactory.metrics.platform;

import io.vertx.core.json.JsonObject;

/** A platform's answer body as JSON, if it is a JSON object: error pages from proxies and gateways are not. */
final class PlatformAnswer {

    private PlatformAnswer() {}

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
