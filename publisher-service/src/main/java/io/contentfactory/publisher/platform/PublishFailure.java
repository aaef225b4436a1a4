package io.contentfactory.publisher.platform;

import io.contentfactory.contracts.events.PublishError;
import java.util.Map;

/** A publish step failed; carries the error exactly as it is stored on the job and sent in {@code post.failed}. */
public class PublishFailure extends RuntimeException {

    private final transient PublishError error;

    public PublishFailure(String code, String message, String stage, boolean retryable, Map<String, Object> details) {
        super(code + " at " + stage + ": " + message);
        this.error = new PublishError(code, message, stage, retryable, details);
    }

    public PublishError error() {
        return error;
    }

    /** The call's answer did not come in time: whether it took effect on the platform is unknown. */
    public static boolean isTimeout(Throwable failure) {
        return failure instanceof PublishFailure publishFailure && "platform_timeout".equals(publishFailure.error().code());
    }

    /** A call that got no usable answer: a timeout, or the platform could not be reached. Both are retryable. */
    public static PublishFailure network(Throwable failure, String stage) {
        if (failure instanceof PublishFailure publishFailure) {
            return publishFailure;
        }
        // The web client's timeout (Vert.x's NoStackTraceTimeoutException) is a java.util.concurrent.TimeoutException.
        if (failure instanceof java.util.concurrent.TimeoutException) {
            return new PublishFailure("platform_timeout", "no answer in time: " + failure.getMessage(), stage, true, Map.of());
        }
        return new PublishFailure("platform_unreachable", failure.getClass().getSimpleName() + ": " + failure.getMessage(),
                stage, true, Map.of());
    }
}
