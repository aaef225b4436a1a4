package io.contentfactory.contracts.events;

import java.util.Map;

/**
 * Why a generation's shot, assembly or hand-off failed, in the shape publish jobs use ({@link PublishError}).
 *
 * @param stage     {@code submit}, {@code poll}, {@code result}, {@code fetch}, {@code assembly} or {@code handoff}
 * @param retryable whether the same step may succeed when tried again (a 5xx, a timeout); false for a refusal
 */
public record GenerationError(
        String code, String message, String stage, boolean retryable, Map<String, Object> details) {
    public GenerationError {
        Required.fields("code", code, "message", message, "stage", stage);
        details = Required.presentOnly(details);
    }
}
