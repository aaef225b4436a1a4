package io.contentfactory.analysis.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.contentfactory.analysis.scoring.PreSocialScore;
import java.util.Map;

/** Parts of an analysis stored as JSON beside it (score contributions, topics, captions, provider payloads, weights). */
public final class AnalysisJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AnalysisJson() {}

    public static String contributions(PreSocialScore score) {
        return of(score.contributions());
    }

    public static String of(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stored score weights, by feature name. */
    public static Map<String, Double> weights(String json) {
        return read(json, new TypeReference<>() {});
    }

    public static <T> T read(String json, TypeReference<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored JSON column does not parse", e);
        }
    }
}
