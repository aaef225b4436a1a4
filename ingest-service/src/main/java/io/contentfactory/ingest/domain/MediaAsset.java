package io.contentfactory.ingest.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A stored media file of one project (the seed's {@code media_assets}). */
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
    public String status;
    @Column(name = "reject_reason")
    public String rejectReason;
    @Column(name = "platform_hint")
    public String platformHint;
    @Column(name = "created_at")
    public Instant createdAt;
}
