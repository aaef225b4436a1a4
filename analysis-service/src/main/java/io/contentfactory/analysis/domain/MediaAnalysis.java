package io.contentfactory.analysis.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** The analysis of one media item by one analyzer version (the seed's {@code media_analysis}). */
@Entity
@Table(name = "media_analysis")
public class MediaAnalysis {
    @Column(name = "project_id", nullable = false)
    public UUID projectId;
    @Id
    public UUID id;
    @Column(name = "media_id")
    public UUID mediaId;
    @Column(name = "analyzer_version")
    public String analyzerVersion;
    @Column(name = "media_type")
    public String mediaType;
    @Column(name = "content_type")
    public String contentType;
    @Column(name = "duration_sec")
    public BigDecimal durationSec;
    public int width;
    public int height;
    public String resolution;
    @Column(name = "frame_rate")
    public BigDecimal frameRate;
    @Column(name = "has_audio")
    public Boolean hasAudio;
    @Column(name = "pre_social_score")
    public BigDecimal preSocialScore;
    @Column(name = "pre_social_explanation")
    public String preSocialExplanation;
    @Column(name = "created_at")
    public Instant createdAt;
}
