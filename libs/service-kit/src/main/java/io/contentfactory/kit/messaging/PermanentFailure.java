package io.contentfactory.kit.messaging;

/** A failure that another attempt cannot fix: the event goes straight to the dead-letter topic. */
public class PermanentFailure extends RuntimeException {
    public PermanentFailure(String message) {
        super(message);
    }
}
