package io.contentfactory.analysis.clients;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/** A chat model's answer read as the JSON object it was asked for (models sometimes wrap it in a Markdown fence). */
final class ModelAnswers {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ModelAnswers() {}

    static JsonNode json(String answer) {
        int start = answer == null ? -1 : answer.indexOf('{');
        int end = answer == null ? -1 : answer.lastIndexOf('}');
        if (start < 0 || end < start) {
            throw new ProviderFailure("the model did not answer JSON: " + answer);
        }
        try {
            return JSON.readTree(answer.substring(start, end + 1));
        } catch (IOException e) {
            throw new ProviderFailure("the model did not answer JSON: " + answer);
        }
    }
}
