package io.contentfactory.analysis.frames;

import io.contentfactory.media.Jpegs;
import io.contentfactory.media.UndecodableMediaException;
import java.nio.file.Path;

/** A frame as a JPEG: the best one as the thumbnail (at most {@link #MAX_WIDTH} pixels wide), candidates smaller. Blocking. */
public final class Thumbnails {

    static final int MAX_WIDTH = 720;
    private static final float QUALITY = 0.85f;

    private Thumbnails() {}

    public static byte[] jpeg(Path file, double timeSec) throws UndecodableMediaException {
        return jpeg(file, timeSec, MAX_WIDTH);
    }

    public static byte[] jpeg(Path file, double timeSec, int maxWidth) throws UndecodableMediaException {
        return Jpegs.fitted(FrameSampler.pictureAt(file, timeSec), maxWidth, QUALITY);
    }
}
