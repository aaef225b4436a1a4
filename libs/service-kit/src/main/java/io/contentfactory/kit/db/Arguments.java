package io.contentfactory.kit.db;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The named values of a {@link NamedStatement}. The setters take the types the PostgreSQL client sends as they are;
 * an {@link Instant} is sent as a UTC {@code timestamptz}. Parts of a statement bring their own values ({@link
 * #and}), and a name given twice is a mistake, refused.
 */
public final class Arguments {

    private final Map<String, Object> values = new LinkedHashMap<>();

    private Arguments() {}

    public static Arguments of() {
        return new Arguments();
    }

    public Arguments uuid(String name, UUID value) {
        return put(name, value);
    }

    public Arguments text(String name, String value) {
        return put(name, value);
    }

    public Arguments integer(String name, Integer value) {
        return put(name, value);
    }

    public Arguments bigint(String name, Long value) {
        return put(name, value);
    }

    public Arguments decimal(String name, Double value) {
        return put(name, value);
    }

    /** A point in time, sent as a UTC {@code timestamptz}; null stays null. */
    public Arguments instant(String name, Instant value) {
        return put(name, value == null ? null : value.atOffset(ZoneOffset.UTC));
    }

    /** An array parameter ({@code uuid[]}, {@code text[]}, ...), as the client sends Java arrays. */
    public Arguments array(String name, Object[] value) {
        return put(name, value);
    }

    /** These values and {@code other}'s; a name in both is refused. */
    public Arguments and(Arguments other) {
        other.values.forEach(this::put);
        return this;
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    Object value(String name) {
        return values.get(name);
    }

    Set<String> names() {
        return values.keySet();
    }

    private Arguments put(String name, Object value) {
        if (values.containsKey(name)) {
            throw new IllegalArgumentException("#{" + name + "} is given twice");
        }
        values.put(name, value);
        return this;
    }

    @Override
    public String toString() {
        return "Arguments" + values.keySet();
    }
}
