package io.contentfactory.scheduler.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A post of one media item; it is published once per {@link PostTarget}. */
@Entity
@Table(name = "posts")
public class Post {
    @Column(name = "project_id", nullable = false)
    public UUID projectId;
    @Id
    public UUID id;
    @Column(name = "media_id")
    public UUID mediaId;
    public String mode;
    @Column(name = "caption_body")
    public String captionBody;
    /** Space-separated, without {@code #}; normalised per platform at publish time. */
    public String hashtags;
    @Column(name = "created_at")
    public Instant createdAt;
}
