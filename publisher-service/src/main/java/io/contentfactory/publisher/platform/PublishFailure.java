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
}
