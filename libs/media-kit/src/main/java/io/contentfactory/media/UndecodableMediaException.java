package io.contentfactory.media;

/** FFmpeg cannot read the file as media: it is truncated, corrupt, or holds no picture. */
public class UndecodableMediaException extends Exception {
    public UndecodableMediaException(String message) {
        super(message);
    }
}
