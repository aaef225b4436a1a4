package io.contentfactory.ingest.domain;

import io.contentfactory.ingest.storage.StagedFile;
import io.contentfactory.ingest.storage.StagingArea;
import io.contentfactory.media.MediaProbe;
import jakarta.enterprise.context.ApplicationScoped;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Optional;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Instagram publishes JPEG only, at most 1440 px wide and 8 MB. An image that is not already such a JPEG is also
 * stored as one: scaled down to fit, transparency flattened onto white.
 */
@ApplicationScoped
public class JpegRenditions {

    static final int MAX_WIDTH = 1440;
    static final long MAX_BYTES = 8L * 1024 * 1024;
    private static final float QUALITY = 0.9f;

    private final StagingArea staging;

    JpegRenditions(StagingArea staging) {
        this.staging = staging;
    }

    public static boolean needed(SniffedType type, MediaProbe probe, long sizeBytes) {
        return probe.isStill() && (type != SniffedType.JPEG || probe.width() > MAX_WIDTH || sizeBytes > MAX_BYTES);
    }

    /** The rendition, staged; empty when ImageIO cannot decode the picture (it is then published as it is, or not). */
    public Optional<StagedFile> render(StagedFile original) throws IOException {
        BufferedImage source = ImageIO.read(original.path().toFile());
        if (source == null) {
            return Optional.empty();
        }
        byte[] jpeg = encode(flattenAndFit(source));
        return Optional.of(staging.receive(new ByteArrayInputStream(jpeg), MAX_BYTES * 2, bytes -> { }));
    }

    private static BufferedImage flattenAndFit(BufferedImage source) {
        double scale = Math.min(1.0, MAX_WIDTH / (double) source.getWidth());
        int width = Math.max(1, (int) Math.round(source.getWidth() * scale));
        int height = Math.max(1, (int) Math.round(source.getHeight() * scale));
        BufferedImage target = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = target.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.drawImage(source, 0, 0, width, height, null);
        g.dispose();
        return target;
    }

    private static byte[] encode(BufferedImage image) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam params = writer.getDefaultWriteParam();
            params.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            params.setCompressionQuality(QUALITY);
            writer.write(null, new IIOImage(image, null, null), params);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }
}
