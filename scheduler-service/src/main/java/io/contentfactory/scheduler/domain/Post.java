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
    /** The project's own reference: {@code PUT /v1/posts/{clientRef}} creates or updates this post. */
    @Column(name = "client_ref")
    public String clientRef;
    /** Every media item in order, comma-separated (a carousel's items); {@link #mediaId} is the first. */
    @Column(name = "media_ids")
    public String mediaIds;

    @Column(name = "caption_disclosure")
    public String captionDisclosure;
    /** draft, approved or rejected: kept apart from each target's publish status. */
    @Column(name = "review_status")
    public String reviewStatus;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public java.util.List<UUID> mediaIdList() {
        if (mediaIds == null || mediaIds.isBlank()) {
            return java.util.List.of(mediaId);
        }
        return java.util.Arrays.stream(mediaIds.split(","))
                .map(UUID::fromString)
                .toList();
    }

    /** The stored hashtags ({@code "one two"}) as a list, without {@code #}. */
    public static java.util.List<String> hashtagList(String stored) {
        return stored == null || stored.isBlank()
                ? java.util.List.of()
                : java.util.List.of(stored.trim().split("\\s+"));
    }

    public java.util.List<String> hashtagList() {
        return hashtagList(hashtags);
    }

    /**
     * The caption as a person pastes it when posting by hand: body, disclosure and {@code #}-prefixed hashtags,
     * separated by blank lines. The publisher composes its own per platform, within that platform's limits.
     */
    public String captionText() {
        return captionText(captionBody, captionDisclosure, hashtags);
    }

    /** {@link #captionText()} from a post's stored caption parts. */
    public static String captionText(String body, String disclosure, String storedHashtags) {
        StringBuilder text = new StringBuilder(body == null ? "" : body);
        if (disclosure != null && !disclosure.isBlank()) {
            text.append("\n\n").append(disclosure);
        }
        java.util.List<String> tags = hashtagList(storedHashtags);
        if (!tags.isEmpty()) {
            text.append("\n\n")
                    .append(String.join(
                            " ",
                            tags.stream()
                                    .map(tag -> tag.startsWith("#") ? tag : "#" + tag)
                                    .toList()));
        }
        return text.toString();
    }
}
