package io.contentfactory.coach.persistence;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** A {@code timestamptz} column as the reactive client hands it back in a native query, as an instant. */
final class Timestamps {

    private Timestamps() {}

    static Instant instant(Object value) {
        return switch (value) {
            case Instant instant -> instant;
            case OffsetDateTime offset -> offset.toInstant();
            case LocalDateTime local -> local.toInstant(ZoneOffset.UTC);
            default -> throw new IllegalStateException("unexpected timestamp " + value.getClass());
        };
    }
}
