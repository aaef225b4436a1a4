package io.contentfactory.metrics.config;

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

    /** Where read tokens come from: publisher-service's internal route, and the pair key to prove this service with. */
    Publisher publisher();

    interface Publisher {
        String baseUrl();

        String callKey();
    }

    interface Instagram {
        String baseUrl();

        String apiVersion();
    }
}
