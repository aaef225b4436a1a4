package io.contentfactory.ingest.api;

import io.contentfactory.ingest.domain.AssetUrls;
import io.contentfactory.ingest.domain.MediaAsset;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One media item as the API shows it. While its bytes arrive ({@code receiving}) it shows how many have, and of how
 * many when the sender said; once ingested, what FFmpeg found and signed, expiring URLs of its bytes.
 */
public record MediaView(
        UUID id,
        String fileName,
        String status,
        String rejectReason,
        String sourceType,
        String sourceUrl,
        String mediaType,
        String contentType,
        long sizeBytes,
        long bytesReceived,
        Long bytesExpected,
        Integer percentReceived,
        String sha256,
        String container,
        String videoCodec,
        String audioCodec,
        BigDecimal durationSec,
        Integer width,
        Integer height,
        String resolution,
        BigDecimal frameRate,
        Boolean hasAudio,
        String platformHint,
        int version,
        UUID previousVersionId,
        UUID duplicateOf,

        @Schema(description = "The coach's derivative plan this item was made from; null otherwise")
        UUID derivedFromPlanId,

        @Schema(
                description = "How studio-service made a generated item: its source, shot list, prompts, models,"
                        + " provider request ids, seeds and cost; null for any other source")
        com.fasterxml.jackson.databind.JsonNode provenance,

        String contentUrl,
        String jpegUrl,
        String thumbnailUrl,
        Analysis analysis,
        Instant createdAt,
        Instant updatedAt) {

    /** Where the item's analysis stands, as analysis-service last reported it; null until it starts. */
    public record Analysis(String status, String stage, Integer percent, String reason) {}

    static MediaView of(MediaAsset asset, AssetUrls urls) {
        // Its bytes are served once stored, whatever came after (analysed, scheduled, posted) and when rejected (kept
        // for inspection); not while they arrive, nor for a duplicate (its original has them).
        boolean servable = asset.storagePath != null && asset.status.holdsBytes();
        Integer percent = asset.bytesExpected != null && asset.bytesExpected > 0
                ? (int) Math.min(100, asset.bytesReceived * 100 / asset.bytesExpected)
                : null;
        return new MediaView(
                asset.id,
                asset.fileName,
                asset.status.wire(),
                asset.rejectReason,
                asset.sourceType,
                asset.sourceUrl,
                asset.mediaType,
                asset.contentType,
                asset.sizeBytes,
                asset.bytesReceived,
                asset.bytesExpected,
                percent,
                asset.sha256,
                asset.container,
                asset.videoCodec,
                asset.audioCodec,
                asset.durationSec,
                asset.width,
                asset.height,
                asset.resolution,
                asset.frameRate,
                asset.hasAudio,
                asset.platformHint,
                asset.version,
                asset.previousVersionId,
                asset.duplicateOf,
                asset.derivedFromPlanId,
                provenanceOf(asset.provenance),
                servable ? urls.url(asset.projectId, asset.id, AssetUrls.Variant.CONTENT) : null,
                servable && asset.jpegRenditionPath != null
                        ? urls.url(asset.projectId, asset.id, AssetUrls.Variant.JPEG)
                        : null,
                asset.thumbnailPath != null ? urls.url(asset.projectId, asset.id, AssetUrls.Variant.THUMBNAIL) : null,
                asset.analysisStatus == null
                        ? null
                        : new Analysis(
                                asset.analysisStatus, asset.analysisStage, asset.analysisPercent, asset.analysisReason),
                asset.createdAt,
                asset.updatedAt);
    }

    private static com.fasterxml.jackson.databind.JsonNode provenanceOf(String json) {
        if (json == null) {
            return null;
        }
        try {
            return io.contentfactory.contracts.EventCodec.mapper().readTree(json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
