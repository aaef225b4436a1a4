package io.contentfactory.publisher.config;

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

    Reconcile reconcile();

    /**
     * A started post whose outcome is unknown is asked after again (the same handle, never a new post) with a backoff,
     * for at most {@code window}; then the job waits for a person's decision.
     */
    interface Reconcile {
        @WithDefault("PT24H")
        Duration window();

        @WithDefault("PT30S")
        Duration initialBackoff();

        @WithDefault("PT15M")
        Duration maxBackoff();

        default Duration backoffAfter(int attempts) {
            long factor = 1L << Math.min(Math.max(attempts, 0), 20);
            Duration backoff = initialBackoff().multipliedBy(factor);
            return backoff.compareTo(maxBackoff()) > 0 ? maxBackoff() : backoff;
        }
    }

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
