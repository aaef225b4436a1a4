package io.contentfactory.gateway.domain;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a key may do. Each scope includes the ones below it: admin, then write, then read, then feed. A feed key
 * only reads the project's calendar feed ({@code GET /v1/calendar.ics}), which calendar apps fetch with the key in
 * the URL; it is the project's rotatable, revocable feed token.
 */
public enum Scope {
    FEED,
    READ,
    WRITE,
    ADMIN;

    public boolean includes(Scope other) {
        return ordinal() >= other.ordinal();
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Scope parse(String name) {
        return Arrays.stream(values())
                .filter(s -> s.wireName().equals(name))
                .findFirst()
                .orElseThrow(() ->
                        new IllegalArgumentException("unknown scope '" + name + "'; use feed, read, write or admin"));
    }

    public static Set<Scope> parseAll(String commaSeparated) {
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        for (String part : commaSeparated.split(",")) {
            if (!part.isBlank()) {
                scopes.add(parse(part.trim()));
            }
        }
        return scopes;
    }

    public static String join(Set<Scope> scopes) {
        return scopes.stream().sorted().map(Scope::wireName).collect(Collectors.joining(","));
    }
}
