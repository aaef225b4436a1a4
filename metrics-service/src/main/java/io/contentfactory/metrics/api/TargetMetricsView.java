package io.contentfactory.metrics.api;

import io.contentfactory.metrics.domain.MetricCheckpoint;
import io.contentfactory.metrics.service.MetricsReadings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One post target (a platform account it went out on) with its checkpoints in due order. */
@Schema(name = "TargetMetrics")
public record TargetMetricsView(
        UUID postId,
        UUID targetId,
        UUID mediaId,
        String platform,
        String accountId,
        String format,
        String externalPostId,
        List<CheckpointView> checkpoints) {

    /** Readings grouped by target, in the order they come. */
    static List<TargetMetricsView> of(List<MetricsReadings.CheckpointReading> readings) {
        Map<UUID, List<MetricsReadings.CheckpointReading>> byTarget = new LinkedHashMap<>();
        readings.forEach(
                reading -> byTarget.computeIfAbsent(reading.checkpoint().targetId, id -> new java.util.ArrayList<>())
                        .add(reading));
        return byTarget.values().stream()
                .map(group -> {
                    MetricCheckpoint first = group.get(0).checkpoint();
                    return new TargetMetricsView(
                            first.postId,
                            first.targetId,
                            first.mediaId,
                            first.platform,
                            first.accountId,
                            first.format,
                            first.externalPostId,
                            group.stream().map(CheckpointView::of).toList());
                })
                .toList();
    }
}
