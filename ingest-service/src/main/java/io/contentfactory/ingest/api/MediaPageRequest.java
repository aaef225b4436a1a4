package io.contentfactory.ingest.api;

import io.contentfactory.ingest.domain.MediaStatus;
import io.contentfactory.kit.api.Keyset;
import io.contentfactory.kit.domain.DomainError;
import java.util.Optional;
import java.util.Set;

/**
 * A page of the media list, from its query parameters, each checked with its own problem code; the limit and the
 * cursor ({@link Keyset}) as on every list.
 */
record MediaPageRequest(int limit, Optional<String> status, Optional<Keyset.Cursor> after) {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;
    static final Set<String> STATUSES = java.util.Arrays.stream(MediaStatus.values())
            .map(MediaStatus::wire)
            .collect(java.util.stream.Collectors.toSet());

    static MediaPageRequest of(String limit, String status, String after) {
        return new MediaPageRequest(
                Keyset.limit(limit, DEFAULT_LIMIT, MAX_LIMIT), status(status), Keyset.after(after, "nextCursor"));
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
}
