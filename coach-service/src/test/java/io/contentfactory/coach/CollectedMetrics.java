package io.contentfactory.coach;

import io.contentfactory.contracts.events.MetricsCollected;
import io.contentfactory.contracts.events.Platform;
import io.contentfactory.contracts.events.PostFormat;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A {@code metrics.collected} of a new Instagram feed post at 24h, with the counts a test names and no score. */
final class CollectedMetrics {

    private CollectedMetrics() {}

    static MetricsCollected at24h(long views, long likes, long comments, long shares, long saves) {
        return new MetricsCollected(
                UUID.randomUUID(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                Platform.INSTAGRAM,
                "17900",
                "24h",
                Instant.now(),
                views,
                likes,
                comments,
                shares,
                saves,
                null,
                null,
                null,
                null,
                null,
                Instant.now(),
                PostFormat.FEED_IMAGE,
                List.of(),
                null,
                null);
    }
}
