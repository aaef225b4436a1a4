package io.contentfactory.publisher.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One attempt to publish one post target. Its lease columns belong to the runner's durable timer. */
@Entity
@Table(name = "publish_jobs")
public class PublishJob {
    @Column(name = "project_id", nullable = false)
    public UUID projectId;
    @Id
    public UUID id;
    @Column(name = "post_id")
    public UUID postId;
    @Column(name = "target_id")
    public UUID targetId;
    @Column(name = "media_id")
    public UUID mediaId;
    public String platform;
    @Column(name = "account_id")
    public String accountId;
    public String format;
    @Column(name = "media_type")
    public String mediaType;
    public String status;
    @Column(name = "media_url")
    public String mediaUrl;
    @Column(name = "content_type")
    public String contentType;
    /** The exact caption sent to the platform. */
    public String caption;
    @Column(name = "container_id")
    public String containerId;
    @Column(name = "published_media_id")
    public String publishedMediaId;
    public String permalink;
    @Column(name = "error_json")
    public String errorJson;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Column(name = "published_at")
    public Instant publishedAt;
    @Column(name = "fire_at")
    public Instant fireAt;
}
