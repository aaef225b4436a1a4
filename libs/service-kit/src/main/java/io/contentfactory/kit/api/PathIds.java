package io.contentfactory.kit.api;

import io.contentfactory.kit.domain.DomainError;
import java.util.UUID;

/** Ids in request paths: a malformed one is a 400 {@code invalid_id}, never a 404 or a 500. */
public final class PathIds {

    private PathIds() {}

    /** An optional id (a body field, a query parameter): null when absent or blank, else as {@link #uuid}. */
    public static UUID uuidOrNull(String id) {
        return id == null || id.isBlank() ? null : uuid(id.strip());
    }

    public static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new DomainError.Invalid("invalid_id", "'" + id + "' is not a UUID");
        }
    }
}
