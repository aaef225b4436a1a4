package io.contentfactory.kit.db;

import io.vertx.mutiny.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A statement for the Vert.x PostgreSQL client written with named parameters, {@code #{name}}, compiled once to the
 * client's numbered form: parts written apart (the outbox's insert, a timer's fenced update, the inbox row) compose by
 * text, and nobody numbers parameters. A name used twice is one parameter. A value in a select list needs its type
 * written after it ({@code #{at}::timestamptz}), as in any prepared statement.
 *
 * <p>Vert.x's own {@code SqlTemplate} does the same but executes itself on a client it holds; our writes are batched
 * onto a shared connection by {@link io.contentfactory.kit.tenancy.GroupCommit}, which needs the SQL and its tuple.
 */
public final class NamedStatement {

    private static final Pattern PARAMETER = Pattern.compile("#\\{([a-z][a-z0-9_]*)}");

    private final String sql;
    private final List<String> names;

    private NamedStatement(String sql, List<String> names) {
        this.sql = sql;
        this.names = names;
    }

    /** Compiles {@code text}; each distinct {@code #{name}} becomes one numbered parameter, in order of first use. */
    public static NamedStatement of(String text) {
        Map<String, Integer> numbers = new LinkedHashMap<>();
        Matcher matcher = PARAMETER.matcher(text);
        StringBuilder sql = new StringBuilder(text.length());
        while (matcher.find()) {
            int number = numbers.computeIfAbsent(matcher.group(1), name -> numbers.size() + 1);
            matcher.appendReplacement(sql, "\\$" + number);
        }
        matcher.appendTail(sql);
        return new NamedStatement(sql.toString(), List.copyOf(numbers.keySet()));
    }

    /** The statement as the client runs it, with numbered parameters. */
    public String sql() {
        return sql;
    }

    /** The parameters' names, in the order of their numbers. */
    public List<String> parameters() {
        return Collections.unmodifiableList(names);
    }

    /**
     * The client's arguments for these named values. Every parameter must have a value (null is a value), and every
     * value a parameter: a name spelt wrong fails here, not as a wrong row.
     */
    public Tuple bind(Arguments arguments) {
        Set<String> unused = new HashSet<>(arguments.names());
        List<Object> values = new ArrayList<>(names.size());
        for (String name : names) {
            if (!arguments.has(name)) {
                throw new IllegalArgumentException("no value for #{" + name + "} in: " + sql);
            }
            values.add(arguments.value(name));
            unused.remove(name);
        }
        if (!unused.isEmpty()) {
            throw new IllegalArgumentException("values " + unused + " match no parameter of: " + sql);
        }
        return Tuple.from(values);
    }

    @Override
    public String toString() {
        return sql;
    }
}
