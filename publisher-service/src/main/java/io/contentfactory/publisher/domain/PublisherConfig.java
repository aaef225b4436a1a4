package io.contentfactory.publisher.domain;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "factory.publisher")
public interface PublisherConfig {
    Duration lease();

    Duration maxSleep();

    /** Jobs claimed per round. */
    @WithDefault("50")
    int batchSize();

    /** Jobs one instance works on at once; most of them wait on the platform, not on this process. */
    @WithDefault("4000")
    int maxInFlight();

    Retry retry();

    /** Retryable failures become new jobs after an exponential backoff, up to a number of attempts in all. */
    interface Retry {
        int maxAttempts();

        Duration initialBackoff();

        Duration maxBackoff();

        default Duration backoffAfter(int attempt) {
            long factor = 1L << Math.min(attempt - 1, 20);
            Duration backoff = initialBackoff().multipliedBy(factor);
            return backoff.compareTo(maxBackoff()) > 0 ? maxBackoff() : backoff;
        }
    }
}
