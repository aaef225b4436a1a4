package io.contentfactory.analysis.frames;

import io.contentfactory.media.UndecodableMediaException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** A frame as a JPEG: the best one as the thumbnail (at most {@link #MAX_WIDTH} pixels wide), candidates smaller. Blocking. */
public final class Thumbnails {

    static final int MAX_WIDTH = 720;

    private Thumbnails() {
    }

    public static byte[] jpeg(Path file, double timeSec) throws UndecodableMediaException {
        return jpeg(file, timeSec, MAX_WIDTH);
    }

    public static byte[] jpeg(Path file, double timeSec, int maxWidth) throws UndecodableMediaException {
        BufferedImage picture = FrameSampler.pictureAt(file, timeSec);
        double scale = Math.min(1, maxWidth / (double) picture.getWidth());
        int width = Math.max(1, (int) Math.round(picture.getWidth() * scale));
        int height = Math.max(1, (int) Math.round(picture.getHeight() * scale));
        BufferedImage scaled = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = scaled.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        g.drawImage(picture, 0, 0, width, height, null);
        g.dispose();
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(scaled, "jpg", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
