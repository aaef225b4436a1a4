package io.contentfactory.publisher.domain;

import io.contentfactory.contracts.events.PublishError;
import java.util.Map;
import java.util.Set;

/** A publish step failed; carries the error exactly as it is stored on the job and sent in {@code post.failed}. */
public class PublishFailure extends RuntimeException {

    /** What a failure says about a post already started on its platform. */
    public enum Evidence {
        /** Nothing more than the error itself. */
        NONE,
        /** The platform says the started item is dead (an expired or failed container): nothing went live from it. */
        NOTHING_LIVE,
        /** A call that may have taken effect got no answer, or the post's fate could not be read afterwards. */
        OUTCOME_UNKNOWN
    }

    private final transient PublishError error;
    private final Evidence evidence;

    public PublishFailure(String code, String message, String stage, boolean retryable, Map<String, Object> details) {
        this(code, message, stage, retryable, details, Evidence.NONE);
    }

    public PublishFailure(
            String code,
            String message,
            String stage,
            boolean retryable,
            Map<String, Object> details,
            Evidence evidence) {
        super(code + " at " + stage + ": " + message);
        this.error = new PublishError(code, message, stage, retryable, details);
        this.evidence = evidence;
    }

    public PublishError error() {
        return error;
    }

    public Evidence evidence() {
        return evidence;
    }

    /** The same failure, known to have struck after a call that may have published the post. */
    public static PublishFailure outcomeUnknown(Throwable failure, String stage) {
        PublishError cause = failure instanceof PublishFailure publishFailure
                ? publishFailure.error()
                : new PublishError("internal_error", failure.toString(), stage, true, Map.of());
        return new PublishFailure(
                cause.code(),
                cause.message(),
                cause.stage(),
                cause.retryable(),
                cause.details(),
                Evidence.OUTCOME_UNKNOWN);
    }

    /** The call's answer never came, or the platform could not be reached: nothing was answered. */
    public static boolean isUnanswered(Throwable failure) {
        return failure instanceof PublishFailure publishFailure
                && Set.of("platform_timeout", "platform_unreachable")
                        .contains(publishFailure.error().code());
    }

    /** The call's answer did not come in time: whether it took effect on the platform is unknown. */
    public static boolean isTimeout(Throwable failure) {
        return failure instanceof PublishFailure publishFailure
                && "platform_timeout".equals(publishFailure.error().code());
    }

    /** A call that got no usable answer: a timeout, or the platform could not be reached. Both are retryable. */
    public static PublishFailure network(Throwable failure, String stage) {
        if (failure instanceof PublishFailure publishFailure) {
            return publishFailure;
        }
        // The web client's timeout (Vert.x's NoStackTraceTimeoutException) is a java.util.concurrent.TimeoutException.
        if (failure instanceof java.util.concurrent.TimeoutException) {
            return new PublishFailure(
                    "platform_timeout", "no answer in time: " + failure.getMessage(), stage, true, Map.of());
        }
        return new PublishFailure(
                "platform_unreachable",
                failure.getClass().getSimpleName() + ": " + failure.getMessage(),
                stage,
                true,
                Map.of());
    }
}
