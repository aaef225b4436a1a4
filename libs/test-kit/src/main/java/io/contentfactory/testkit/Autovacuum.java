package io.contentfactory.testkit;

import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Does for a benchmark what autovacuum does on a production server, which this machine's PostgreSQL runs without (its
 * CI configuration turns it off): every 10 s the busy tables are vacuumed and analyzed. Without it their dead rows
 * pile up and the planner never gets statistics, and a run measures that instead of the service. The vacuums' CPU
 * time is PostgreSQL's, counted with the rest.
 */
public final class Autovacuum implements AutoCloseable {

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
    private final String tables;

    /** @param tables the tables to vacuum, schema-qualified and comma-separated */
    public Autovacuum(String tables) {
        this.tables = tables;
        executor.scheduleWithFixedDelay(this::vacuum, 10, 10, TimeUnit.SECONDS);
    }

    private void vacuum() {
        try (Connection c = PostgresResource.database().connect();
                Statement s = c.createStatement()) {
            s.execute("vacuum (analyze) " + tables);
        } catch (java.sql.SQLException e) {
            System.out.println("BENCH vacuum failed: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
