package io.contentfactory.scheduler.api;

import io.contentfactory.kit.api.ApiValues;
import io.contentfactory.kit.domain.DomainError;
import java.time.Duration;
import java.time.Instant;

/** A {@code from}/{@code to} query window: ISO-8601 instants, {@code to} after {@code from} and at most a year later. */
record TimeWindow(Instant from, Instant to) {

    private static final Duration DEFAULT_LENGTH = Duration.ofDays(60);
    private static final Duration LONGEST = Duration.ofDays(366);

    static TimeWindow of(String from, String to, Instant defaultFrom) {
        Instant start = from == null ? defaultFrom : ApiValues.instant("from", from);
        Instant end = to == null ? start.plus(DEFAULT_LENGTH) : ApiValues.instant("to", to);
        if (!end.isAfter(start) || Duration.between(start, end).compareTo(LONGEST) > 0) {
            throw new DomainError.Invalid("invalid_window", "to must be after from, and at most a year later");
        }
        return new TimeWindow(start, end);
    }
}
