package io.contentfactory.metrics.domain;

import java.util.List;
import java.util.Map;

/**
 * Lifetime counters grow from one checkpoint to the next. A platform value that drops (a like taken back, spam
 * removed, a recount) is stored as reported and flagged with the names of the counters that fell.
 */
public final class CounterGrowth {

    private CounterGrowth() {}

    /** The counters of {@code now} that are below the same counter of {@code before}, in a stable order. */
    public static List<String> dropped(MetricValues before, MetricValues now) {
        if (before == null) {
            return List.of();
        }
        Map<String, Long> earlier = before.counters();
        return now.counters().entrySet().stream()
                .filter(counter ->
                        earlier.containsKey(counter.getKey()) && counter.getValue() < earlier.get(counter.getKey()))
                .map(Map.Entry::getKey)
                .toList();
    }
}
