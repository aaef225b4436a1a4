package io.contentfactory.localpostgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An embedded PostgreSQL server for a non-root user who has no server of their own. PostgreSQL's {@code initdb}
 * refuses to run as root, so root must use a real server.
 */
public final class LocalPostgres {

    private LocalPostgres() {}

    public static boolean runningAsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /**
     * Starts a server. With a data directory it keeps its data across restarts (bin/factory); without one it is
     * throw-away (tests).
     */
    public static EmbeddedPostgres start(Path dataDir, int port) {
        if (runningAsRoot()) {
            throw new IllegalStateException(
                    "embedded PostgreSQL cannot run as root (initdb refuses); start a PostgreSQL server"
                            + " or run as a normal user");
        }
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
            if (port > 0) {
                builder.setPort(port);
            }
            if (dataDir != null) {
                Files.createDirectories(dataDir);
                builder.setDataDirectory(dataDir).setCleanDataDirectory(false);
            }
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
        }
    }

    /**
     * Runs a server until the process is stopped: {@code LocalPostgres <data-dir> <port>}. Prints
     * {@code POSTGRES READY <port>} when it accepts connections (user {@code postgres}, no password).
     */
    public static void main(String[] args) throws InterruptedException {
        Path dir = Path.of(args.length > 0 ? args[0] : ".factory/postgres");
        int port = args.length > 1 ? Integer.parseInt(args[1]) : 5432;
        EmbeddedPostgres postgres = start(dir, port);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            try {
                                postgres.close();
                            } catch (IOException ignored) {
                                // exiting anyway
                            }
                        },
                        "postgres-shutdown"));
        System.out.println("POSTGRES READY " + postgres.getPort());
        Thread.currentThread().join();
    }
}
