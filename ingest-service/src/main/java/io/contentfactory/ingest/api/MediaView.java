package io.contentfactory.ingest.api;

import io.contentfactory.ingest.domain.AssetUrls;
import io.contentfactory.ingest.domain.MediaAsset;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * One media item as the API shows it. While its bytes arrive ({@code receiving}) it shows how many have, and of how
 * many when the sender said; once ingested, what FFmpeg found and signed, expiring URLs of its bytes.
 */
public record MediaView(UUID id, String fileName, String status, String rejectReason, String sourceType, String sourceUrl,
        String mediaType, String contentType, long sizeBytes, long bytesReceived, Long bytesExpected, Integer percentReceived,
        String sha256, String container, String videoCodec, String audioCodec, BigDecimal durationSec, Integer width,
        Integer height, String resolution, BigDecimal frameRate, Boolean hasAudio, String platformHint, int version,
        UUID previousVersionId, UUID duplicateOf, String contentUrl, String jpegUrl, String thumbnailUrl, Instant createdAt,
        Instant updatedAt) {

    static MediaView of(MediaAsset asset, AssetUrls urls) {
        boolean servable = asset.isIngested() || "rejected".equals(asset.status) && asset.storagePath != null;
        Integer percent = asset.bytesExpected != null && asset.bytesExpected > 0
                ? (int) Math.min(100, asset.bytesReceived * 100 / asset.bytesExpected)
                : null;
        return new MediaView(asset.id, asset.fileName, asset.status, asset.rejectReason, asset.sourceType, asset.sourceUrl,
                asset.mediaType, asset.contentType, asset.sizeBytes, asset.bytesReceived, asset.bytesExpected, percent,
                asset.sha256, asset.container, asset.videoCodec, asset.audioCodec, asset.durationSec, asset.width,
                asset.height, asset.resolution, asset.frameRate, asset.hasAudio, asset.platformHint, asset.version,
                asset.previousVersionId, asset.duplicateOf,
                servable ? urls.url(asset.projectId, asset.id, AssetUrls.Variant.CONTENT) : null,
                asset.isIngested() && asset.jpegRenditionPath != null ? urls.url(asset.projectId, asset.id, AssetUrls.Variant.JPEG) : null,
                asset.thumbnailPath != null ? urls.url(asset.projectId, asset.id, AssetUrls.Variant.THUMBNAIL) : null,
                asset.createdAt, asset.updatedAt);
    }
}
