package io.contentfactory.coach.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.contentfactory.contracts.EventCodec;
import java.io.UncheckedIOException;

/**
 * The JSON text this service's stores keep in their {@code jsonb} columns, written and read with the events' mapper.
 * Statements bind it as {@code cast(cast(?n as text) as jsonb)}: a String bound straight to a jsonb parameter is encoded
 * by the PostgreSQL client as one JSON string, not as the document it spells.
 */
final class JsonColumns {

    private JsonColumns() {}

    static String write(Object value) {
        return value == null ? null : EventCodec.mapper().valueToTree(value).toString();
    }

    static <T> T read(String json, com.fasterxml.jackson.core.type.TypeReference<T> type) {
        try {
            return json == null ? null : EventCodec.mapper().readValue(json, type);
        } catch (JsonProcessingException corrupt) {
            throw new UncheckedIOException(
                    "a stored " + type.getType().getTypeName() + " is not readable: " + corrupt.getOriginalMessage(),
                    corrupt);
        }
    }

    static <T> T read(String json, Class<T> type) {
        try {
            return json == null ? null : EventCodec.mapper().readValue(json, type);
        } catch (JsonProcessingException corrupt) {
            throw new UncheckedIOException(
                    "a stored " + type.getSimpleName() + " is not readable: " + corrupt.getOriginalMessage(), corrupt);
        }
    }
}
