package io.contentfactory.ingest.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A media file of one project (the seed's {@code media_assets}): from the moment its first byte arrives
 * ({@code receiving}, with a byte count) to {@code ingested}, {@code rejected} with a reason, {@code failed} (its
 * bytes never arrived whole) or {@code duplicate} of an earlier item with the same bytes.
 */
@Entity
@Table(name = "media_assets")
public class MediaAsset {
    @Column(name = "project_id", nullable = false)
    public UUID projectId;

    @Id
    public UUID id;

    @Column(name = "source_type")
    public String sourceType;

    @Column(name = "storage_path")
    public String storagePath;

    @Column(name = "file_name")
    public String fileName;

    @Column(name = "content_type")
    public String contentType;

    @Column(name = "media_type")
    public String mediaType;

    @Column(name = "size_bytes")
    public long sizeBytes;

    public String sha256;

    @Convert(converter = MediaStatus.Column.class)
    public MediaStatus status;

    @Column(name = "reject_reason")
    public String rejectReason;

    @Column(name = "platform_hint")
    public String platformHint;

    @Column(name = "bytes_received")
    public long bytesReceived;

    @Column(name = "bytes_expected")
    public Long bytesExpected;

    @Column(name = "source_url")
    public String sourceUrl;

    public String container;

    @Column(name = "video_codec")
    public String videoCodec;

    @Column(name = "audio_codec")
    public String audioCodec;

    @Column(name = "duration_sec")
    public java.math.BigDecimal durationSec;

    public Integer width;
    public Integer height;
    public String resolution;

    @Column(name = "frame_rate")
    public java.math.BigDecimal frameRate;

    @Column(name = "has_audio")
    public Boolean hasAudio;

    @Column(name = "jpeg_rendition_path")
    public String jpegRenditionPath;

    @Column(name = "thumbnail_path")
    public String thumbnailPath;

    @Column(name = "analysis_status")
    public String analysisStatus;

    @Column(name = "analysis_stage")
    public String analysisStage;

    @Column(name = "analysis_percent")
    public Integer analysisPercent;

    @Column(name = "analysis_reason")
    public String analysisReason;

    public int version;

    @Column(name = "previous_version_id")
    public UUID previousVersionId;

    @Column(name = "duplicate_of")
    public UUID duplicateOf;

    /** The coach's derivative plan this item was made from, as its sender said; null otherwise. */
    @Column(name = "derived_from_plan_id")
    public UUID derivedFromPlanId;

    /** How studio-service made a generated item (a JSON object); null for any other source. Written once, by SQL. */
    @Column(insertable = false, updatable = false)
    @org.hibernate.annotations.JdbcTypeCode(org.hibernate.type.SqlTypes.JSON)
    public String provenance;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public boolean isIngested() {
        return status == MediaStatus.INGESTED;
    }

    /** Moves the item to {@code next}, refusing a move its status does not allow (a failed transfer never ingests). */
    public void moveTo(MediaStatus next) {
        if (status != null && !status.mayBecome(next)) {
            throw new IllegalStateException("media " + id + " cannot go from " + status.wire() + " to " + next.wire());
        }
        status = next;
    }
}
