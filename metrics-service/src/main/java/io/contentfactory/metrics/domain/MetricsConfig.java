package io.contentfactory.metrics.domain;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;
import java.util.List;

@ConfigMapping(prefix = "factory.metrics")
public interface MetricsConfig {
    List<String> checkpoints();

    /** The real length of one checkpoint minute. */
    Duration minute();

    Duration lease();

    Duration maxSleep();

    Instagram instagram();

    interface Instagram {
        String baseUrl();

        String apiVersion();

        String accessToken();
    }
}
