package io.contentfactory.testkit;

import io.contentfactory.localpostgres.LocalPostgres;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * A real PostgreSQL database, fresh for each test run (one per JVM), on the server named by
 * {@code FACTORY_TEST_DB_HOST}/{@code FACTORY_TEST_DB_PORT}/{@code FACTORY_TEST_DB_USER} (default
 * {@code 127.0.0.1:5432}, user {@code postgres}). With no server reachable, a non-root user gets an embedded
 * PostgreSQL instead; root cannot run {@code initdb}, so root without a server fails with a clear message.
 */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

    private static TestDatabase database;

    @Override
    public Map<String, String> start() {
        TestDatabase db = database();
        return Map.of(
                "quarkus.datasource.jdbc.url", db.jdbcUrl(),
                "quarkus.datasource.reactive.url", db.reactiveUrl(),
                "factory.db.owner.username", db.user());
    }

    @Override
    public void stop() {
        // Kept for the whole run so that test classes sharing a profile see one database; dropped at JVM exit.
    }

    public static synchronized TestDatabase database() {
        if (database == null) {
            database = create();
            TestDatabase created = database;
            Runtime.getRuntime().addShutdownHook(new Thread(created::drop, "test-db-drop"));
        }
        return database;
    }

    private static TestDatabase create() {
        String host = env("FACTORY_TEST_DB_HOST", "127.0.0.1");
        int port = Integer.parseInt(env("FACTORY_TEST_DB_PORT", "5432"));
        String user = env("FACTORY_TEST_DB_USER", "postgres");
        String name = "cf_test_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        try {
            createDatabase(host, port, user, name);
            return new TestDatabase(host, port, user, name, null);
        } catch (SQLException serverMissing) {
            return embedded(name, serverMissing);
        }
    }

    private static TestDatabase embedded(String name, SQLException serverMissing) {
        if (LocalPostgres.runningAsRoot()) {
            throw new IllegalStateException(
                    "No PostgreSQL server at FACTORY_TEST_DB_HOST/PORT, and embedded PostgreSQL"
                            + " cannot run as root. Start the local server: pg_ctlcluster --skip-systemctl-redirect"
                            + " $(ls /etc/postgresql) main start",
                    serverMissing);
        }
        EmbeddedPostgres embedded = LocalPostgres.start(null, 0);
        try {
            createDatabase("127.0.0.1", embedded.getPort(), "postgres", name);
            return new TestDatabase("127.0.0.1", embedded.getPort(), "postgres", name, embedded);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void createDatabase(String host, int port, String user, String name) throws SQLException {
        try (Connection c =
                        DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/postgres", user, "");
                Statement s = c.createStatement()) {
            s.execute("create database " + name);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    public record TestDatabase(String host, int port, String user, String name, EmbeddedPostgres embedded) {
        public String jdbcUrl() {
            return "jdbc:postgresql://" + host + ":" + port + "/" + name;
        }

        public String reactiveUrl() {
            return "postgresql://" + host + ":" + port + "/" + name;
        }

        public Connection connect() throws SQLException {
            return DriverManager.getConnection(jdbcUrl(), user, "");
        }

        /** The single number a query answers, such as a {@code count(*)}: for assertions and benchmarks. */
        public long count(String sql) {
            try (Connection c = connect();
                    Statement s = c.createStatement();
                    java.sql.ResultSet rs = s.executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            } catch (SQLException e) {
                throw new IllegalStateException(sql, e);
            }
        }

        void drop() {
            try (Connection c = DriverManager.getConnection(
                            "jdbc:postgresql://" + host + ":" + port + "/postgres", user, "");
                    Statement s = c.createStatement()) {
                s.execute("drop database if exists " + name + " with (force)");
            } catch (SQLException e) {
                System.err.println("could not drop test database " + name + ": " + e.getMessage());
            }
            if (embedded != null) {
                try {
                    embedded.close();
                } catch (IOException ignored) {
                    // the process is exiting anyway
                }
            }
        }
    }
}
