package io.contentfactory.testkit;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a CHECK constraint of the test database allows, for tests that hold an enum to its column's constraint. */
public final class CheckConstraints {

    private static final Pattern QUOTED = Pattern.compile("'([a-z_]+)'");

    private CheckConstraints() {}

    /**
     * Fails unless the named constraint lists exactly the values of {@code type}, each written in lower case as the
     * services' {@code WireEnum} writes it.
     */
    public static <E extends Enum<E>> void listExactly(String constraint, Class<E> type) {
        Set<String> expected = new TreeSet<>();
        for (E constant : type.getEnumConstants()) {
            expected.add(constant.name().toLowerCase(java.util.Locale.ROOT));
        }
        Set<String> checked = values(constraint);
        if (!checked.equals(expected)) {
            throw new AssertionError(
                    constraint + " lists " + checked + " but " + type.getSimpleName() + " has " + expected);
        }
    }

    /** The quoted values the named constraint lists, for example a status column's {@code check (status in (...))}. */
    public static Set<String> values(String constraint) {
        try (Connection c = PostgresResource.database().connect();
                ResultSet rs = c.createStatement()
                        .executeQuery("select pg_get_constraintdef(oid) from pg_constraint where conname = '"
                                + constraint + "'")) {
            if (!rs.next()) {
                throw new IllegalArgumentException("no constraint " + constraint);
            }
            Set<String> values = new TreeSet<>();
            Matcher value = QUOTED.matcher(rs.getString(1));
            while (value.find()) {
                values.add(value.group(1));
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
