package io.contentfactory.kit.db;

import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** Numbered placeholders of the Vert.x PostgreSQL client, for statements assembled from parts. */
public final class Placeholders {

    private Placeholders() {}

    /** {@code $first::types[0], $first+1::types[1], ...}: typed, so that a value in a select list needs no guessing. */
    public static String typed(int first, String... types) {
        return IntStream.range(0, types.length)
                .mapToObj(i -> "$" + (first + i) + "::" + types[i])
                .collect(Collectors.joining(", "));
    }
}
