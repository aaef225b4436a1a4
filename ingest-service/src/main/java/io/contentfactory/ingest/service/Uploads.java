package io.contentfactory.ingest.service;

import io.contentfactory.ingest.config.IngestConfig;
import io.contentfactory.ingest.domain.MediaAsset;
import io.contentfactory.ingest.domain.Origin;
import io.contentfactory.ingest.storage.StagedFile;
import io.contentfactory.ingest.storage.StagingArea;
import io.contentfactory.ingest.storage.TooLargeException;
import io.contentfactory.kit.domain.DomainError;
import io.opentelemetry.instrumentation.annotations.SpanAttribute;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.util.UUID;

/**
 * A file sent to the API: its item is opened as it starts to arrive, its bytes are staged up to the size limit, and
 * then it goes through intake like any other file. Blocking: call it from a worker thread.
 */
@ApplicationScoped
public class Uploads {

    private final MediaIntake intake;
    private final StagingArea staging;
    private final long maxBytes;

    Uploads(MediaIntake intake, StagingArea staging, IngestConfig config) {
        this.intake = intake;
        this.staging = staging;
        this.maxBytes = config.limits().maxSize().asLongValue();
    }

    /** The largest file taken, in bytes. */
    public long maxBytes() {
        return maxBytes;
    }

    /** Refuses at once a file that announces more bytes than the limit, before any item is opened. */
    public void checkAnnounced(Long length) {
        if (length != null && length > maxBytes) {
            throw tooLarge();
        }
    }

    /**
     * Receives the bytes and takes them in: the item ingested, a duplicate, or rejected with its reason. A transfer
     * over the limit or cut short leaves the item {@code failed} and is refused.
     */
    @WithSpan("Uploads.receive")
    public MediaAsset receive(@SpanAttribute("project.id") UUID projectId, Origin origin, InputStream body) {
        MediaAsset asset = intake.open(projectId, origin);
        StagedFile staged;
        try {
            staged = staging.receive(body, maxBytes, intake.progressOf(asset));
        } catch (TooLargeException e) {
            intake.fail(asset, "too_large", e.getMessage(), maxBytes);
            throw tooLarge();
        } catch (IOException e) {
            intake.fail(asset, "upload_interrupted", "the upload ended before its last byte", 0);
            throw new DomainError.Invalid(
                    "upload_interrupted", "the upload ended before its last byte: " + e.getMessage());
        }
        return intake.complete(asset, staged, origin);
    }

    private DomainError tooLarge() {
        return new DomainError.TooLarge("too_large", "files are taken up to " + maxBytes + " bytes");
    }
}
