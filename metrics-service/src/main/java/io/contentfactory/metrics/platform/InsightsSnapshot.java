package io.contentfactory.metrics.platform;

import java.util.Map;

/** Lifetime counters as a platform reported them, with the raw answer kept for audit. */
public record InsightsSnapshot(Map<String, Long> values, String rawPayload) {
    public long get(String metric) {
        return values.getOrDefault(metric, 0L);
    }
}
