package io.contentfactory.kit.messaging;

import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.ConnectException;
import java.net.URI;
import java.sql.SQLException;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Tells weather from poison: a failure caused by the database being unreachable, restarting, out of connections or
 * out of resources says nothing about the event, and waiting it out cures it. Everything else is the event's own,
 * including a refused connection to any other host (a media URL, another service): those fail as before.
 */
@ApplicationScoped
public class Outage {

    /** SQLSTATE classes and codes of a server that cannot serve now (PostgreSQL Appendix A). */
    private static final Set<String> CLASSES = Set.of("08", "53", "58");

    private static final Set<String> CODES = Set.of("57P01", "57P02", "57P03");

    /** How a refused connection to the database names it: {@code ...:5432}. */
    private final String databaseAddressEnd;

    Outage(@ConfigProperty(name = "quarkus.datasource.reactive.url") String databaseUrl) {
        URI url = URI.create(databaseUrl.replaceFirst("^vertx-reactive:", ""));
        this.databaseAddressEnd = ":" + (url.getPort() == -1 ? 5432 : url.getPort());
    }

    /** True if {@code failure}, or any cause of it, is the infrastructure's, not the event's. */
    public boolean is(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (isOne(cause)) {
                return true;
            }
        }
        return false;
    }

    private boolean isOne(Throwable cause) {
        if (cause instanceof PgException pg) {
            return sqlStateIsWeather(pg.getSqlState());
        }
        if (cause instanceof SQLException sql) {
            return sqlStateIsWeather(sql.getSQLState());
        }
        if (cause instanceof ClosedConnectionException) {
            return true;
        }
        if (cause instanceof ConnectException refused) {
            return String.valueOf(refused.getMessage()).endsWith(databaseAddressEnd);
        }
        // Vert.x reports a closed pool and an acquisition timeout as plain VertxExceptions, by message only.
        String message = String.valueOf(cause.getMessage());
        return cause instanceof io.vertx.core.VertxException
                && (message.contains("Pool closed")
                        || message.contains("Connection was closed")
                        || message.contains("Timeout"));
    }

    private static boolean sqlStateIsWeather(String state) {
        return state != null
                && (CODES.contains(state) || state.length() == 5 && CLASSES.contains(state.substring(0, 2)));
    }
}
