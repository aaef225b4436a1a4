package io.contentfactory.ingest.service;

import io.contentfactory.ingest.domain.AssetUrls;
import io.contentfactory.ingest.domain.SniffedType;
import io.contentfactory.ingest.persistence.MediaAssetStore;
import io.contentfactory.ingest.storage.ObjectStorage;
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

/** Thumbnails analysis-service chose (an item's best frame as JPEG), kept in this service's storage like any object. */
@ApplicationScoped
public class Thumbnails {

    public static final long MAX_BYTES = 4L * 1024 * 1024;

    private final StagingArea staging;
    private final ObjectStorage storage;
    private final MediaAssetStore writes;
    private final AssetUrls urls;

    Thumbnails(StagingArea staging, ObjectStorage storage, MediaAssetStore writes, AssetUrls urls) {
        this.staging = staging;
        this.storage = storage;
        this.writes = writes;
        this.urls = urls;
    }

    /**
     * Stores the JPEG as the item's thumbnail and answers its signed URL; one over {@link #MAX_BYTES} is refused.
     * Blocking: call it from a worker thread.
     */
    @WithSpan("Thumbnails.store")
    public String store(
            @SpanAttribute("project.id") UUID projectId, @SpanAttribute("media.id") UUID mediaId, InputStream jpeg)
            throws IOException {
        StagedFile staged;
        try {
            staged = staging.receive(jpeg, MAX_BYTES, bytes -> {});
        } catch (TooLargeException e) {
            throw new DomainError.TooLarge("too_large", "a thumbnail is at most " + MAX_BYTES + " bytes");
        }
        if (SniffedType.of(staged.head()).orElse(null) != SniffedType.JPEG) {
            staged.discard();
            throw new DomainError.Invalid("not_jpeg", "a thumbnail is a JPEG");
        }
        String key = storage.store(projectId, staged);
        if (!writes.thumbnail(projectId, mediaId, key).await().indefinitely()) {
            throw new DomainError.NotFound("media", mediaId);
        }
        return urls.url(projectId, mediaId, AssetUrls.Variant.THUMBNAIL);
    }
}
