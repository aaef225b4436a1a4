package io.contentfactory.kit.platform;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * A timestamp of Meta's Graph API: Meta writes {@code 2026-12-02T17:27:23+0000} (no colon in the offset), which
 * {@link Instant#parse} refuses; the ISO form with a colon or {@code Z} is read too.
 */
public final class GraphTimestamp {

    private static final DateTimeFormatter FORMAT = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
            .optionalStart()
            .appendOffset("+HHMM", "+0000")
            .optionalEnd()
            .optionalStart()
            .appendOffset("+HH:MM", "Z")
            .optionalEnd()
            .toFormatter();

    private GraphTimestamp() {}

    /** The instant {@code text} names; empty when it is absent or not such a timestamp. */
    public static Optional<Instant> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(text, FORMAT).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
