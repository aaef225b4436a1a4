package io.contentfactory.analysis.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.contentfactory.analysis.scoring.PreSocialScore;

/** Parts of an analysis stored as JSON beside it (score contributions, topics, captions, provider payloads). */
final class AnalysisJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AnalysisJson() {
    }

    static String contributions(PreSocialScore score) {
        return of(score.contributions());
    }

    static String of(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
