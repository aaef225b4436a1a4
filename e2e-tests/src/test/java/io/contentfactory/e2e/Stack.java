package io.contentfactory.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The local stack, driven through {@code bin/factory} exactly as a person runs it, on its own ports and database. */
final class Stack {

    static final int PORT_OFFSET = 100;
    static final String OPERATOR_TOKEN = "e2e-operator-token";

    private final Path root;
    private final Path home;
    private final Map<String, String> env = new HashMap<>();
    private final String jdbcUrl;
    private final String user;

    Stack(Path root, Path home, String dbHost, int dbPort, String dbName, String dbUser) {
        this.root = root;
        this.home = home;
        this.jdbcUrl = "jdbc:postgresql://" + dbHost + ":" + dbPort + "/" + dbName;
        this.user = dbUser;
        env.put("FACTORY_HOME", home.toString());
        env.put("FACTORY_PORT_OFFSET", Integer.toString(PORT_OFFSET));
        env.put("FACTORY_DB_HOST", dbHost);
        env.put("FACTORY_DB_PORT", Integer.toString(dbPort));
        env.put("FACTORY_DB_NAME", dbName);
        env.put("FACTORY_DB_USER", dbUser);
        env.put("FACTORY_OPERATOR_TOKEN", OPERATOR_TOKEN);
        // The demo's time compression: a plan hour lasts 1 s, a metrics minute 5 ms (+7d is 50 s after publishing).
        env.put("FACTORY_SCHEDULER_PLAN_HOUR", "PT1S");
        env.put("FACTORY_SCHEDULER_FIRST_SLOT_LEAD", "PT2S");
        env.put("FACTORY_METRICS_MINUTE", "PT0.005S");
        env.put("SANDBOX_AUDIENCE_MINUTE", "PT0.005S");
        // A queued reel goes out at most 4 plan hours (4 s) after the one before, instead of a day: an account
        // collects the posts its model learns from within a minute.
        env.put("FACTORY_SCHEDULER_MAX_GAP_HOURS", "4");
        // An account's first model after five measured posts instead of ten: half the reels to drop, analyse and
        // publish before the learning test sees one (the threshold itself is coach-service's own tests' concern).
        env.put("FACTORY_COACH_LEARNING_MIN_POSTS", "5");
        // A documented variable a person sets wins over bin/factory's default (localhost): the same sandbox, by
        // address.
        env.put("FACTORY_PUBLISHER_INSTAGRAM_BASE_URL", OWN_INSTAGRAM_BASE_URL);
    }

    /** The Instagram endpoint this stack's person chose; bin/factory would otherwise point at localhost. */
    static final String OWN_INSTAGRAM_BASE_URL = "http://127.0.0.1:" + port(8090);

    /**
     * Vert.x logs a TCP reset on one of its open connections at ERROR, with no handler of ours in between: what a
     * service sees of a peer the tests kill with kill -9 (a pooled connection to it is cut). Provoked, so not a problem.
     */
    private static final java.util.regex.Pattern PEER_KILLED = java.util.regex.Pattern.compile(
            " ERROR \\[io\\.ve\\.co\\.ne\\.im\\.ConnectionBase\\] \\([^)]*\\) Connection reset$");

    /**
     * What the stack's logs show that a newcomer would take for trouble: ERROR lines and the first line of their stack
     * traces, each with its log's name. A service killed on purpose (kill -9) logs nothing itself; its peers' cut
     * connections ({@link #PEER_KILLED}) are the one thing the tests provoke, and are left out.
     */
    List<String> logProblems() throws IOException {
        List<String> problems = new ArrayList<>();
        try (var logs = Files.list(home.resolve("logs"))) {
            for (Path log : logs.sorted().toList()) {
                String name = log.getFileName().toString();
                boolean inError = false;
                for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                    boolean trace =
                            line.startsWith("\tat ") || line.startsWith("Caused by: ") || line.startsWith("\t... ");
                    if (!trace) {
                        inError = line.contains(" ERROR ")
                                && !PEER_KILLED.matcher(line).find();
                    }
                    // A stack trace under a WARN (Vert.x's blocked-thread checker on a busy machine, say) is not one.
                    if (inError
                            && (!trace
                                    || problems.isEmpty()
                                    || !problems.getLast().startsWith(name + ": \tat "))) {
                        problems.add(name + ": " + line);
                    }
                }
            }
        }
        return problems;
    }

    /** The environment a running service's process received, read from {@code /proc}. */
    Map<String, String> processEnvironment(String service) {
        try {
            String pid = Files.readString(home.resolve("pids").resolve(service + ".pid"))
                    .trim();
            Map<String, String> environment = new HashMap<>();
            for (String entry :
                    Files.readString(Path.of("/proc", pid, "environ")).split("\u0000")) {
                int equals = entry.indexOf('=');
                if (equals > 0) {
                    environment.put(entry.substring(0, equals), entry.substring(equals + 1));
                }
            }
            return environment;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static int port(int base) {
        return base + PORT_OFFSET;
    }

    Path inbox(String slug) {
        return home.resolve("inbox").resolve(slug);
    }

    void factory(Map<String, String> extraEnv, String... args) {
        List<String> command = new ArrayList<>();
        command.add(root.resolve("bin/factory").toString());
        command.addAll(List.of(args));
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        builder.environment().putAll(extraEnv);
        try {
            Path log = Files.createDirectories(Path.of("target")).resolve("factory-commands.log");
            Files.writeString(
                    log,
                    "$ bin/factory " + String.join(" ", args) + "\n",
                    StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
            builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            Process process = builder.start();
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException(
                        "bin/factory " + String.join(" ", args) + " timed out; see " + log.toAbsolutePath());
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("bin/factory " + String.join(" ", args) + " failed; see "
                        + log.toAbsolutePath() + " and " + home.resolve("logs"));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    void factory(String... args) {
        factory(Map.of(), args);
    }

    /** Every row of a query, each as column name to text; empty when a schema is not there yet. */
    java.util.List<Map<String, String>> rows(String sql) {
        try (Connection c = DriverManager.getConnection(jdbcUrl, user, "");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            java.util.List<Map<String, String>> rows = new java.util.ArrayList<>();
            while (rs.next()) {
                Map<String, String> row = new HashMap<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.put(rs.getMetaData().getColumnLabel(i), rs.getString(i));
                }
                rows.add(row);
            }
            return rows;
        } catch (SQLException e) {
            return java.util.List.of();
        }
    }

    /** One row of a query as column name to text; an empty map when there is no row. */
    Map<String, String> row(String sql) {
        try (Connection c = DriverManager.getConnection(jdbcUrl, user, "");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            Map<String, String> row = new HashMap<>();
            if (rs.next()) {
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.put(rs.getMetaData().getColumnLabel(i), rs.getString(i));
                }
            }
            return row;
        } catch (SQLException e) {
            // A schema may not exist yet while its service is still starting.
            return Map.of();
        }
    }
}
