package io.contentfactory.kit.api;

import io.contentfactory.kit.domain.DomainError;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Newest-first pages of a list, the same way on every route: {@code limit} from 1 to a route's maximum, and an opaque
 * cursor (the time and id of the previous page's last item) that clients pass back as {@code after}.
 */
public final class Keyset {

    private Keyset() {}

    /** Where the previous page ended. */
    public record Cursor(Instant at, UUID id) {

        public String encode() {
            String raw = at.getEpochSecond() + "." + at.getNano() + ":" + id;
            return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.US_ASCII));
        }
    }

    /**
     * A page of {@code rows}, read as one more than {@code size} to learn whether another page follows: the first
     * {@code size}, shown by {@code view}, and the cursor after the last of them (null on the last page).
     */
    public static <T, V> Page<V> page(
            List<T> rows, int size, Function<T, Instant> at, Function<T, UUID> id, Function<T, V> view) {
        List<T> items = rows.size() > size ? rows.subList(0, size) : rows;
        String next =
                rows.size() > size ? new Cursor(at.apply(items.getLast()), id.apply(items.getLast())).encode() : null;
        return new Page<>(items.stream().map(view).toList(), next);
    }

    /** What a route's page record holds. */
    public record Page<V>(List<V> items, String nextCursor) {}

    /** The page size asked for, {@code fallback} when absent; 400 {@code invalid_limit} outside 1..{@code max}. */
    public static int limit(String value, int fallback, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int limit = Integer.parseInt(value.strip());
            if (limit >= 1 && limit <= max) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below, as for a number out of range
        }
        throw new DomainError.Invalid("invalid_limit", "limit is a whole number from 1 to " + max);
    }

    /** The cursor {@code after} names, empty when absent; 400 {@code invalid_cursor} when it is not one of ours. */
    public static Optional<Cursor> after(String value, String pageField) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.US_ASCII);
            int colon = raw.indexOf(':');
            String[] time = raw.substring(0, colon).split("\\.", 2);
            Instant at = Instant.ofEpochSecond(Long.parseLong(time[0]), Long.parseLong(time[1]));
            return Optional.of(new Cursor(at, UUID.fromString(raw.substring(colon + 1))));
        } catch (RuntimeException e) {
            throw new DomainError.Invalid("invalid_cursor", "after is a cursor from a previous page's " + pageField);
        }
    }
}
