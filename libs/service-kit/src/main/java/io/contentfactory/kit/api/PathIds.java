package io.contentfactory.kit.api;

import io.contentfactory.kit.domain.DomainError;
import java.util.UUID;

/** Ids in request paths: a malformed one is a 400 {@code invalid_id}, never a 404 or a 500. */
public final class PathIds {

    private PathIds() {}

    public static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new DomainError.Invalid("invalid_id", "'" + id + "' is not a UUID");
        }
    }
}
