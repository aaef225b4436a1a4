package io.contentfactory.publisher.domain;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;

@ConfigMapping(prefix = "factory.publisher")
public interface PublisherConfig {
    Duration lease();

    Duration maxSleep();

    Instagram instagram();

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

    interface Instagram {
        String baseUrl();

        String apiVersion();

        Duration pollInterval();

        int pollAttempts();

        /** How long media_publish may take before its outcome is unknown and reconciled. */
        Duration publishTimeout();

        /** How long a job over the account's publishing quota waits before it looks again. */
        Duration quotaRecheck();
    }
}
