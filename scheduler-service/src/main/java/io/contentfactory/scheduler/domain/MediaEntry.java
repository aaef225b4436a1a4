package io.contentfactory.scheduler.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** The scheduler's copy of an analysed media item: what a post may use, where it is served, how promising it is. */
@Entity
@Table(name = "media_catalog")
public class MediaEntry {
    @Column(name = "project_id", nullable = false)
    public UUID projectId;

    @Id
    @Column(name = "media_id")
    public UUID mediaId;

    @Column(name = "media_type")
    public String mediaType;

    @Column(name = "content_url")
    public String contentUrl;

    @Column(name = "content_type")
    public String contentType;
    /** The JPEG rendition of an image Instagram cannot take as it is, or null. */
    @Column(name = "jpeg_url")
    public String jpegUrl;

    @Column(name = "pre_social_score")
    public Double preSocialScore;

    @Column(name = "analyzed_at")
    public Instant analyzedAt;

    public Served servedTo(String platform) {
        return Served.to(platform, mediaType, contentUrl, contentType, jpegUrl);
    }
}
