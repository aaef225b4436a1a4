package io.contentfactory.analysis.probe;

import io.contentfactory.kit.messaging.PermanentFailure;

/** The bytes do not decode; retrying cannot help. */
public class CorruptMediaException extends PermanentFailure {
    public CorruptMediaException(String message) {
        super(message);
    }
}
