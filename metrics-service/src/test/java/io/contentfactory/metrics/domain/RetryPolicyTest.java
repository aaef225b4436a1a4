package io.contentfactory.metrics.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private static final Instant DUE = Instant.parse("2026-12-01T12:00:00Z");
    private final RetryPolicy policy = new RetryPolicy(
            Duration.ofMinutes(1), Duration.ofMinutes(60), Duration.ofMinutes(15), Duration.ofHours(72));

    @Test
    void backsOffExponentiallyUpToTheCap() {
        assertThat(policy.backoff(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(policy.backoff(2)).isEqualTo(Duration.ofMinutes(2));
        assertThat(policy.backoff(4)).isEqualTo(Duration.ofMinutes(8));
        assertThat(policy.backoff(7)).isEqualTo(Duration.ofMinutes(60));
        assertThat(policy.backoff(40)).isEqualTo(Duration.ofMinutes(60));
    }

    @Test
    void theWindowClosesAtTheNextCheckpointWithinItsBounds() {
        assertThat(policy.windowEnd(DUE, Optional.of(DUE.plus(Duration.ofMinutes(45)))))
                .isEqualTo(DUE.plus(Duration.ofMinutes(45)));
        assertThat(policy.windowEnd(DUE, Optional.of(DUE.plus(Duration.ofMinutes(5)))))
                .as("never shorter than the minimum")
                .isEqualTo(DUE.plus(Duration.ofMinutes(15)));
        assertThat(policy.windowEnd(DUE, Optional.of(DUE.plus(Duration.ofDays(5)))))
                .as("never longer than the maximum")
                .isEqualTo(DUE.plus(Duration.ofHours(72)));
        assertThat(policy.windowEnd(DUE, Optional.empty()))
                .as("the last checkpoint gets the maximum")
                .isEqualTo(DUE.plus(Duration.ofHours(72)));
    }

    @Test
    void noAttemptIsPlannedPastTheWindow() {
        Optional<Instant> next = Optional.of(DUE.plus(Duration.ofMinutes(45)));
        assertThat(policy.nextAttempt(DUE, next, 1, DUE.plus(Duration.ofMinutes(10))))
                .contains(DUE.plus(Duration.ofMinutes(11)));
        assertThat(policy.nextAttempt(DUE, next, 6, DUE.plus(Duration.ofMinutes(20))))
                .as("32 minutes after minute 20 is past minute 45")
                .isEmpty();
    }
}
