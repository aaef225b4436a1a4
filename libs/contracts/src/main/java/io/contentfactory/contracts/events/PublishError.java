package io.contentfactory.contracts.events;

import java.util.Map;

/** Why a publish attempt failed, in the shape every publish job stores. */
public record PublishError(String code, String message, String stage, boolean retryable, Map<String, Object> details) {
    public PublishError {
        Required.fields("code", code, "message", message, "stage", stage);
        details = Required.presentOnly(details);
    }
}
