package io.contentfactory.ingest.service;

import io.contentfactory.ingest.domain.AssetUrls;
import io.contentfactory.ingest.domain.MediaAsset;
import io.contentfactory.ingest.persistence.MediaAssetStore;
import io.contentfactory.ingest.storage.ObjectStorage;
import io.contentfactory.kit.domain.DomainError;
import io.opentelemetry.instrumentation.annotations.SpanAttribute;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A project's media items as they are read back: one by id, a page of them, and where an item's bytes are. */
@ApplicationScoped
public class MediaCatalog {

    private static final Duration REDIRECT_TTL = Duration.ofMinutes(15);

    private final MediaAssetStore reads;
    private final ObjectStorage storage;

    MediaCatalog(MediaAssetStore reads, ObjectStorage storage) {
        this.reads = reads;
        this.storage = storage;
    }

    /** Where one variant of an item's bytes is: a short-lived URL of the object store, or a file on this machine. */
    public record Located(Optional<URI> redirect, Optional<Path> file, String contentType, String etag) {}

    @WithSpan("MediaCatalog.find")
    public Uni<Optional<MediaAsset>> find(
            @SpanAttribute("project.id") UUID projectId, @SpanAttribute("media.id") UUID mediaId) {
        return reads.findInProject(projectId, mediaId);
    }

    /** The item, or {@link DomainError.NotFound} when the project has none such. */
    public Uni<MediaAsset> get(UUID projectId, UUID mediaId) {
        return find(projectId, mediaId)
                .map(found -> found.orElseThrow(() -> new DomainError.NotFound("media", mediaId)));
    }

    @WithSpan("MediaCatalog.page")
    public Uni<List<MediaAsset>> page(
            @SpanAttribute("project.id") UUID projectId,
            Optional<String> status,
            Optional<Instant> beforeTime,
            Optional<UUID> beforeId,
            int limit) {
        return reads.page(projectId, status, beforeTime, beforeId, limit);
    }

    @WithSpan("MediaCatalog.locate")
    public Uni<Located> locate(
            @SpanAttribute("project.id") UUID projectId,
            @SpanAttribute("media.id") UUID mediaId,
            AssetUrls.Variant variant) {
        return get(projectId, mediaId).map(asset -> located(asset, variant));
    }

    private Located located(MediaAsset asset, AssetUrls.Variant variant) {
        String key = switch (variant) {
            case CONTENT -> asset.storagePath;
            case JPEG -> asset.jpegRenditionPath;
            case THUMBNAIL -> asset.thumbnailPath;
        };
        if (key == null) {
            throw new DomainError.NotFound(variant.path() + " of media", asset.id);
        }
        String contentType = variant == AssetUrls.Variant.CONTENT ? asset.contentType : "image/jpeg";
        String etag = "\"" + key.substring(key.indexOf('/') + 1) + "\"";
        Optional<URI> direct = storage.directUrl(key, contentType, REDIRECT_TTL);
        if (direct.isPresent()) {
            return new Located(direct, Optional.empty(), contentType, etag);
        }
        Path file = storage.localFile(key).orElseThrow(() -> new DomainError.NotFound("content of media", asset.id));
        return new Located(Optional.empty(), Optional.of(file), contentType, etag);
    }
}
