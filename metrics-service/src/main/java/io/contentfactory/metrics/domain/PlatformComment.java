package io.contentfactory.metrics.domain;

import java.time.Instant;

/**
 * One comment as its platform lists it. Ids stay strings (Instagram's are 17 digits). {@code parentId} is the
 * top-level comment a reply answers, null for a top-level comment; {@code likeCount} is null when not reported.
 */
public record PlatformComment(
        String id, String parentId, String authorHandle, String text, Long likeCount, Instant createdAt) {}
