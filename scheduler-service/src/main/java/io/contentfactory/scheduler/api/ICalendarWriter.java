package io.contentfactory.scheduler.api;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * Writes an RFC 5545 iCalendar stream: CRLF line ends, TEXT values escaped, and content lines folded at 75 octets
 * without splitting a UTF-8 character, which is what Google Calendar and Outlook insist on.
 */
final class ICalendarWriter {

    private static final DateTimeFormatter UTC_STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final int MAX_OCTETS = 75;

    private final StringBuilder out = new StringBuilder();

    ICalendarWriter begin(String component) {
        return line("BEGIN:" + component);
    }

    ICalendarWriter end(String component) {
        return line("END:" + component);
    }

    /** A property whose value is written as is (URIs, numbers, enumerated values). */
    ICalendarWriter raw(String name, String value) {
        return line(name + ":" + value);
    }

    /** A TEXT property: backslash, semicolon, comma and line breaks escaped. */
    ICalendarWriter text(String name, String value) {
        return line(name + ":" + escape(value));
    }

    ICalendarWriter time(String name, Instant value) {
        return line(name + ":" + UTC_STAMP.format(value.truncatedTo(ChronoUnit.SECONDS)));
    }

    String build() {
        return out.toString();
    }

    static String escape(String value) {
        return value.replace("\\", "\\\\")
                .replace(";", "\\;")
                .replace(",", "\\,")
                .replace("\r\n", "\\n")
                .replace("\n", "\\n")
                .replace("\r", "\\n");
    }

    private ICalendarWriter line(String content) {
        int octets = 0;
        for (int i = 0; i < content.length(); ) {
            int codePoint = content.codePointAt(i);
            int width = codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
            if (octets + width > MAX_OCTETS) {
                out.append("\r\n ");
                octets = 1;
            }
            out.appendCodePoint(codePoint);
            octets += width;
            i += Character.charCount(codePoint);
        }
        out.append("\r\n");
        return this;
    }
}
