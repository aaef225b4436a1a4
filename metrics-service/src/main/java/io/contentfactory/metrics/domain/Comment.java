package io.contentfactory.metrics.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A comment on one of the project's posts, stored once, keyed by its platform's id: the seed's {@code comments}, with
 * the post's target it was read from, the reply's parent, its sentiment and its topic tags.
 */
public record Comment(
        UUID id,
        UUID postId,
        UUID targetId,
        String platform,
        String platformCommentId,
        String parentCommentId,
        String authorHandle,
        String text,
        Long likeCount,
        Instant commentedAt,
        Sentiment sentiment,
        List<String> topicTags) {}
