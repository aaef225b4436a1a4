package io.contentfactory.publisher.domain;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;

@ConfigMapping(prefix = "factory.publisher")
public interface PublisherConfig {
    Duration lease();

    Duration maxSleep();

    Instagram instagram();

    interface Instagram {
        String baseUrl();

        String apiVersion();

        Duration pollInterval();

        int pollAttempts();
    }
}
