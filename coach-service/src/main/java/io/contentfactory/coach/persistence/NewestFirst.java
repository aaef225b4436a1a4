package io.contentfactory.coach.persistence;

import io.quarkus.panache.common.Parameters;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A newest-first keyset query over an entity with {@code createdAt} and {@code id}: the filters that are set, then
 * where the page starts ({@link io.contentfactory.kit.api.Keyset}'s cursor).
 */
final class NewestFirst {

    private final List<String> conditions = new ArrayList<>();
    private final Parameters parameters = new Parameters();

    /** {@code field} equals {@code value}, when it is set. */
    <T> NewestFirst where(String field, Optional<T> value) {
        value.ifPresent(set -> {
            String name = "p" + conditions.size();
            conditions.add(field + " = :" + name);
            parameters.and(name, set);
        });
        return this;
    }

    /** After the item created at {@code at} with {@code id}, when a cursor is given. */
    NewestFirst after(Optional<Instant> at, Optional<UUID> id) {
        at.ifPresent(time -> {
            conditions.add("(createdAt < :at or (createdAt = :at and id < :id))");
            parameters.and("at", time).and("id", id.orElseThrow());
        });
        return this;
    }

    String query() {
        return (conditions.isEmpty() ? "" : String.join(" and ", conditions) + " ")
                + "order by createdAt desc, id desc";
    }

    Parameters parameters() {
        return parameters;
    }
}
