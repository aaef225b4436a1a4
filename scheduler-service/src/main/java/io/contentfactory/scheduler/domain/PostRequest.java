package io.contentfactory.scheduler.domain;

import io.contentfactory.contracts.events.Platform;
import io.contentfactory.contracts.events.PostFormat;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A post as a project asks for it: its media in order, a target per platform and account, caption parts, a fixed
 * time or none (the planner picks), manual or automatic publishing, and its review status.
 *
 * @param scheduledAt null for "auto"
 */
public record PostRequest(
        List<UUID> mediaIds,
        List<Target> targets,
        String captionBody,
        String disclosure,
        List<String> hashtags,
        Instant scheduledAt,
        String mode,
        String reviewStatus) {

    public record Target(Platform platform, String accountId, PostFormat format) {}
}
