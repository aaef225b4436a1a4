package io.contentfactory.sandbox.instagram;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The Graph API's timestamps, as Meta writes them: ISO 8601 with a {@code +0000} offset and no colon
 * ({@code 2026-12-02T17:27:23+0000}), which {@link Instant#parse} refuses. Clients must read this form.
 */
final class GraphTime {

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxx").withZone(ZoneOffset.UTC);

    private GraphTime() {}

    static String format(Instant at) {
        return FORMAT.format(at);
    }
}
