package io.contentfactory.metrics.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.contentfactory.metrics.domain.MetricCheckpoint;
import io.contentfactory.metrics.domain.MetricValues;
import io.contentfactory.metrics.domain.PostingMetrics;
import io.contentfactory.metrics.service.MetricsReadings;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One checkpoint: its state and reason, and what was read. Every metric is present, null where the platform did not
 * report it.
 */
@Schema(name = "MetricCheckpoint")
public record CheckpointView(
        @Schema(examples = "24h") String checkpoint,

        @Schema(enumeration = {"pending", "collected", "unavailable", "skipped", "unmeasurable"})
        String state,

        @Schema(description = "Why it ended so, or why it still waits")
        String reason,

        Instant dueAt,

        @Schema(description = "When the numbers were really read")
        Instant checkedAt,

        @Schema(description = "How late past its due time it ended")
        Long lateMs,

        int attempts,
        @Schema(enumeration = {"platform", "manual"}) String source,

        @Schema(description = "The numbers; null is not reported, never 0") @JsonInclude(JsonInclude.Include.ALWAYS)
        MetricValues values,

        @Schema(description = "Counters below the previous checkpoint's: stored as the platform reported them")
        List<String> droppedCounters,

        @Schema(description = "0–100 against the account's baseline; null without a baseline")
        Double postSocialScore,

        String scoreExplanation,

        @Schema(description = "What this checkpoint's look at the post's comments came to", examples = "3 new comments")
        String comments) {

    static CheckpointView of(MetricsReadings.CheckpointReading reading) {
        MetricCheckpoint checkpoint = reading.checkpoint();
        PostingMetrics row = reading.metrics().orElse(null);
        return new CheckpointView(
                checkpoint.checkpoint,
                checkpoint.state.wire(),
                checkpoint.reason,
                checkpoint.dueAt,
                row == null ? null : row.checkTime,
                checkpoint.lateMs,
                checkpoint.attempts,
                row == null ? null : row.source,
                row == null ? null : row.values(),
                row == null || row.droppedCounters == null ? List.of() : List.of(row.droppedCounters.split(",")),
                row == null ? null : row.postSocialScore,
                row == null ? null : row.scoreExplanation,
                checkpoint.commentsNote);
    }
}
