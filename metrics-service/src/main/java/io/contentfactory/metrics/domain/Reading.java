package io.contentfactory.metrics.domain;

import java.time.Instant;

/** What one attempt to read a checkpoint's numbers from its platform came to. */
public sealed interface Reading {

    /** The numbers, with the platform's raw answer kept for audit. */
    record Collected(MetricValues values, String rawPayload) implements Reading {}

    /** The platform has no data yet (Instagram's empty {@code data}, YouTube Analytics' lag): ask again later. */
    record NotReady(String reason) implements Reading {}

    /** A failure that may pass: a 5xx, a timeout, a refused connection. */
    record Transient(String reason) implements Reading {}

    /** Over the platform's budget: ask again at {@code retryAt}. */
    record Throttled(Instant retryAt, String reason) implements Reading {}

    /** The platform refused the account's token (Instagram's 190): wait for new tokens. */
    record TokenRejected(String reason) implements Reading {}

    /** A permanent error (an unknown media id, a 400): the numbers will never come. */
    record Unavailable(String reason) implements Reading {}

    /** Nothing left to read: the post was deleted. */
    record Gone(String reason) implements Reading {}
}
