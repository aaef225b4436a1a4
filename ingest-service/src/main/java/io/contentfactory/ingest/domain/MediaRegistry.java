package io.contentfactory.ingest.domain;

import io.contentfactory.contracts.events.MediaIngested;
import io.contentfactory.ingest.persistence.MediaAssetRepository;
import io.contentfactory.ingest.storage.StoredObject;
import io.contentfactory.kit.outbox.Outbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Registers stored objects as media assets. A supported file becomes {@code ingested} and emits
 * {@code media.ingested} in the same transaction; anything else is kept as {@code rejected} with its reason.
 * The same bytes twice in one project are one asset.
 */
@ApplicationScoped
public class MediaRegistry {

    private final MediaAssetRepository assets;
    private final Outbox outbox;
    private final String publicBaseUrl;

    MediaRegistry(MediaAssetRepository assets, Outbox outbox,
            @ConfigProperty(name = "factory.ingest.public-base-url") String publicBaseUrl) {
        this.assets = assets;
        this.outbox = outbox;
        this.publicBaseUrl = publicBaseUrl;
    }

    /** Call inside a transaction bound to {@code projectId}. */
    public Uni<MediaAsset> register(UUID projectId, String sourceType, String fileName, StoredObject object) {
        return assets.find("projectId = ?1 and sha256 = ?2", projectId, object.sha256()).firstResult()
                .chain(existing -> existing != null
                        ? Uni.createFrom().item(existing)
                        : create(projectId, sourceType, fileName, object));
    }

    private Uni<MediaAsset> create(UUID projectId, String sourceType, String fileName, StoredObject object) {
        Optional<SniffedType> sniffed = SniffedType.of(object.head());
        MediaAsset asset = new MediaAsset();
        asset.projectId = projectId;
        asset.id = UUID.randomUUID();
        asset.sourceType = sourceType;
        asset.storagePath = object.key();
        asset.fileName = fileName;
        asset.sizeBytes = object.sizeBytes();
        asset.sha256 = object.sha256();
        asset.createdAt = Instant.now();
        asset.contentType = sniffed.map(SniffedType::contentType).orElse("application/octet-stream");
        asset.mediaType = sniffed.map(t -> t.mediaType().name().toLowerCase()).orElse(null);
        if (object.sizeBytes() == 0) {
            asset.status = "rejected";
            asset.rejectReason = "empty_file: the file has no content";
        } else if (sniffed.isEmpty()) {
            asset.status = "rejected";
            asset.rejectReason = "unsupported_type: the bytes are not a JPEG, PNG, MP4, QuickTime or WebM file";
        } else {
            asset.status = "ingested";
        }
        return assets.persist(asset).chain(saved -> "ingested".equals(saved.status)
                ? outbox.record(projectId, ingestedEvent(saved, sniffed.get())).replaceWith(saved)
                : Uni.createFrom().item(saved));
    }

    private MediaIngested ingestedEvent(MediaAsset asset, SniffedType type) {
        return new MediaIngested(asset.id, asset.sourceType, asset.fileName, type.contentType(), type.mediaType(),
                asset.sizeBytes, asset.sha256, contentUrl(asset.projectId, asset.id));
    }

    public String contentUrl(UUID projectId, UUID mediaId) {
        return publicBaseUrl + "/media/" + projectId + "/" + mediaId + "/content";
    }
}
