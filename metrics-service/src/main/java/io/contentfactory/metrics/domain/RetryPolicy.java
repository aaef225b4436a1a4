package io.contentfactory.metrics.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When to ask a platform again for a checkpoint it could not answer yet. Attempts back off exponentially from
 * {@code firstBackoff} to {@code maxBackoff}, inside a window that opens at the checkpoint's due time and closes at the
 * next checkpoint's (a late 15-minute reading would be a 1-hour one), held between {@code minWindow} and
 * {@code maxWindow}. Past the window the checkpoint ends unavailable.
 */
public record RetryPolicy(Duration firstBackoff, Duration maxBackoff, Duration minWindow, Duration maxWindow) {

    /** The window's end for a checkpoint due at {@code due}, the next one being due at {@code nextDue} if any. */
    public Instant windowEnd(Instant due, Optional<Instant> nextDue) {
        Duration window = nextDue.map(next -> Duration.between(due, next))
                .map(gap -> gap.compareTo(maxWindow) > 0 ? maxWindow : gap)
                .orElse(maxWindow);
        return due.plus(window.compareTo(minWindow) < 0 ? minWindow : window);
    }

    /** The next attempt after {@code attempts} failed ones, or empty when it would fall past the window. */
    public Optional<Instant> nextAttempt(Instant due, Optional<Instant> nextDue, int attempts, Instant now) {
        Instant next = now.plus(backoff(attempts));
        return next.isAfter(windowEnd(due, nextDue)) ? Optional.empty() : Optional.of(next);
    }

    /** A wait that has no window (a budget, new tokens): the backoff alone. */
    public Instant after(int attempts, Instant now) {
        return now.plus(backoff(attempts));
    }

    Duration backoff(int attempts) {
        Duration backoff = firstBackoff;
        for (int i = 1; i < attempts && backoff.compareTo(maxBackoff) < 0; i++) {
            backoff = backoff.multipliedBy(2);
        }
        return backoff.compareTo(maxBackoff) > 0 ? maxBackoff : backoff;
    }
}
