package io.contentfactory.ingest.storage;

import java.io.IOException;

/** The bytes went past the configured maximum size; nothing of them is kept. */
public class TooLargeException extends IOException {

    public TooLargeException(long limit) {
        super("the file is larger than the limit of " + limit + " bytes");
    }
}
