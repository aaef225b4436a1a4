package io.contentfactory.publisher.platform;

import io.contentfactory.publisher.domain.PublishFailure;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import java.util.Map;

/** Reading a platform's JSON answer; an answer that is not JSON is a failure of that platform at that stage. */
final class JsonAnswers {

    private JsonAnswers() {}

    static JsonObject body(HttpResponse<Buffer> response, String platform, String stage) {
        try {
            JsonObject body =
                    response.body() == null || response.body().length() == 0 ? null : response.bodyAsJsonObject();
            return body == null ? new JsonObject() : body;
        } catch (RuntimeException e) {
            throw new PublishFailure(
                    platform + "_bad_response",
                    "HTTP " + response.statusCode() + " with a body that is not JSON",
                    stage,
                    response.statusCode() >= 500,
                    Map.of("http_status", response.statusCode()));
        }
    }

    static String required(JsonObject object, String field, String platform, String stage) {
        Object value = object == null ? null : object.getValue(field);
        if (value == null) {
            throw new PublishFailure(
                    platform + "_bad_response", "the answer has no '" + field + "'", stage, true, Map.of());
        }
        return String.valueOf(value);
    }
}
