package io.contentfactory.ingest.api;

import io.contentfactory.ingest.domain.MediaStatus;
import io.contentfactory.kit.domain.DomainError;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A page of the media list, from its query parameters, each checked with its own problem code. The cursor is opaque
 * to clients: the creation time and id of the last item of the previous page (newest first).
 */
record MediaPageRequest(int limit, Optional<String> status, Optional<Cursor> after) {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;
    static final Set<String> STATUSES = java.util.Arrays.stream(MediaStatus.values())
            .map(MediaStatus::wire)
            .collect(java.util.stream.Collectors.toSet());

    record Cursor(Instant createdAt, UUID id) {
        String encode() {
            String raw = createdAt.getEpochSecond() + "." + createdAt.getNano() + ":" + id;
            return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.US_ASCII));
        }
    }

    static MediaPageRequest of(String limit, String status, String after) {
        return new MediaPageRequest(limit(limit), status(status), cursor(after));
    }

    private static int limit(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value.strip());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below, as for a number out of range
        }
        throw new DomainError.Invalid("invalid_limit", "limit is a whole number from 1 to " + MAX_LIMIT);
    }

    private static Optional<String> status(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        if (!STATUSES.contains(value)) {
            throw new DomainError.Invalid(
                    "invalid_status",
                    "status is one of "
                            + String.join(", ", STATUSES.stream().sorted().toList()));
        }
        return Optional.of(value);
    }

    private static Optional<Cursor> cursor(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.US_ASCII);
            int colon = raw.indexOf(':');
            String[] time = raw.substring(0, colon).split("\\.", 2);
            Instant createdAt = Instant.ofEpochSecond(Long.parseLong(time[0]), Long.parseLong(time[1]));
            return Optional.of(new Cursor(createdAt, UUID.fromString(raw.substring(colon + 1))));
        } catch (RuntimeException e) {
            throw new DomainError.Invalid("invalid_cursor", "after is a cursor from a previous page's nextCursor");
        }
    }
}
