package io.contentfactory.ingest.domain;

import io.contentfactory.contracts.events.MediaType;
import java.util.Optional;

/** A content type recognised from a file's first bytes; the file name is never trusted. */
public enum SniffedType {
    JPEG("image/jpeg", MediaType.IMAGE),
    PNG("image/png", MediaType.IMAGE),
    MP4("video/mp4", MediaType.VIDEO),
    QUICKTIME("video/quicktime", MediaType.VIDEO),
    WEBM("video/webm", MediaType.VIDEO),
    /** HEIC/HEIF photos: recognised so that the rejection can say what they are, but not decoded here. */
    HEIF("image/heif", MediaType.IMAGE);

    private static final java.util.Set<String> HEIF_BRANDS =
            java.util.Set.of("heic", "heix", "hevc", "hevx", "heim", "heis", "mif1", "msf1", "avif", "avis");

    private final String contentType;
    private final MediaType mediaType;

    SniffedType(String contentType, MediaType mediaType) {
        this.contentType = contentType;
        this.mediaType = mediaType;
    }

    public String contentType() {
        return contentType;
    }

    public MediaType mediaType() {
        return mediaType;
    }

    /** Whether this service ingests it (probes it and hands it on); the rest are recognised only to be named. */
    public boolean supported() {
        return this != HEIF;
    }

    public static Optional<SniffedType> of(byte[] head) {
        if (startsWith(head, 0, 0xFF, 0xD8, 0xFF)) {
            return Optional.of(JPEG);
        }
        if (startsWith(head, 0, 0x89, 'P', 'N', 'G')) {
            return Optional.of(PNG);
        }
        if (startsWith(head, 0, 0x1A, 0x45, 0xDF, 0xA3)) {
            return Optional.of(WEBM);
        }
        if (startsWith(head, 4, 'f', 't', 'y', 'p')) {
            String brand = head.length >= 12 ? new String(head, 8, 4, java.nio.charset.StandardCharsets.US_ASCII) : "";
            if (HEIF_BRANDS.contains(brand)) {
                return Optional.of(HEIF);
            }
            return Optional.of(brand.startsWith("qt") ? QUICKTIME : MP4);
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] head, int offset, int... expected) {
        if (head.length < offset + expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((head[offset + i] & 0xFF) != expected[i]) {
                return false;
            }
        }
        return true;
    }
}
