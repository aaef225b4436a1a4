package io.contentfactory.ingest.clients;

import io.contentfactory.ingest.config.IngestConfig;
import io.contentfactory.ingest.domain.Inspection;
import io.contentfactory.ingest.domain.SniffedType;
import io.contentfactory.ingest.storage.StagedFile;
import io.contentfactory.media.MediaProbe;
import io.contentfactory.media.MediaProber;
import io.contentfactory.media.UndecodableMediaException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;

/**
 * Decides whether a received file is media this pipeline takes, from its bytes alone (never its name): sniffed,
 * probed with FFmpeg, then held against the configured limits. Blocking (FFmpeg).
 */
@ApplicationScoped
public class MediaInspector {

    private final Duration maxDuration;
    private final int maxLongEdge;
    private final int maxShortEdge;

    MediaInspector(IngestConfig config) {
        this.maxDuration = config.limits().maxDuration();
        String[] edges = config.limits().maxResolution().toLowerCase().split("x");
        int first = Integer.parseInt(edges[0].trim());
        int second = Integer.parseInt(edges[1].trim());
        this.maxLongEdge = Math.max(first, second);
        this.maxShortEdge = Math.min(first, second);
    }

    public Inspection inspect(StagedFile file) {
        if (file.sizeBytes() == 0) {
            return Inspection.Rejected.because("empty_file", "the file has no content");
        }
        Optional<SniffedType> sniffed = SniffedType.of(file.head());
        if (sniffed.isEmpty()) {
            return Inspection.Rejected.because(
                    "unsupported_type",
                    "the bytes are not a JPEG, PNG, MP4, QuickTime or WebM file, whatever the file name says");
        }
        SniffedType type = sniffed.get();
        if (!type.supported()) {
            return new Inspection.Rejected(
                    "unsupported_type", "HEIC/HEIF photos are not supported; export the photo as JPEG", type, null);
        }
        MediaProbe probe;
        try {
            probe = MediaProber.probe(file.path());
        } catch (UndecodableMediaException e) {
            return new Inspection.Rejected("corrupt_media", e.getMessage(), type, null);
        }
        return withinLimits(type, probe);
    }

    private Inspection withinLimits(SniffedType type, MediaProbe probe) {
        if (probe.durationSec() != null && probe.durationSec() > maxDuration.toMillis() / 1000.0) {
            return new Inspection.Rejected(
                    "too_long",
                    String.format(
                            "the video lasts %.1f s; the limit is %d s", probe.durationSec(), maxDuration.toSeconds()),
                    type,
                    probe);
        }
        int longEdge = Math.max(probe.width(), probe.height());
        int shortEdge = Math.min(probe.width(), probe.height());
        if (longEdge > maxLongEdge || shortEdge > maxShortEdge) {
            return new Inspection.Rejected(
                    "resolution_too_high",
                    "the picture is " + probe.resolution() + "; the limit is " + maxLongEdge + "x" + maxShortEdge
                            + " either way round",
                    type,
                    probe);
        }
        return new Inspection.Accepted(type, probe);
    }
}
