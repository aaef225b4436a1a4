package io.contentfactory.analysis.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.contentfactory.analysis.scoring.PreSocialScore;

/** The score's contributions as stored beside the analysis, for the API and the coach to read back. */
final class AnalysisJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AnalysisJson() {
    }

    static String contributions(PreSocialScore score) {
        try {
            return JSON.writeValueAsString(score.contributions());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
