package io.contentfactory.ingest.clients;

import io.contentfactory.ingest.domain.SniffedType;
import io.contentfactory.ingest.storage.StagedFile;
import io.contentfactory.ingest.storage.StagingArea;
import io.contentfactory.media.Jpegs;
import io.contentfactory.media.MediaProbe;
import jakarta.enterprise.context.ApplicationScoped;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Optional;
import javax.imageio.ImageIO;

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
        byte[] jpeg = Jpegs.fitted(source, MAX_WIDTH, QUALITY);
        return Optional.of(staging.receive(new ByteArrayInputStream(jpeg), MAX_BYTES * 2, bytes -> {}));
    }
}
