package io.contentfactory.metrics.domain;

import java.time.Instant;
import java.util.UUID;

/** One checkpoint as exported; the metrics are null where nothing was read or the platform did not report. */
public record ExportedCheckpoint(
        UUID checkpointId,
        UUID postId,
        UUID targetId,
        UUID mediaId,
        String platform,
        String accountId,
        String format,
        String externalPostId,
        String checkpoint,
        String state,
        String reason,
        Instant dueAt,
        Instant checkedAt,
        String source,
        Long views,
        Long likes,
        Long comments,
        Long shares,
        Long saves,
        Long reach,
        Long watchTimeMs,
        Long avgWatchTimeMs,
        Double ctr,
        Long profileVisits,
        Long followerDelta,
        String droppedCounters,
        Double postSocialScore) {}
