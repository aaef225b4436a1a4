package io.contentfactory.kit.tenancy;

import io.contentfactory.kit.db.DatabaseConfig;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Decides which rows a transaction may see under row-level security.
 *
 * <p>{@link #bind} sets {@code app.project_id} transaction-locally, so a pooled connection never carries it into
 * the next transaction; the tenant policies compare each row's {@code project_id} with it. A transaction that binds
 * nothing sees no tenant rows at all. {@link #system} switches the transaction to the service's system role, whose
 * policies see every project: only work that spans tenants by design uses it (timer claims, the outbox relay, the
 * folder scan, key lookup before the tenant is known). Both must run inside a transaction, before the first query.
 */
@ApplicationScoped
public class TenantScope {

    private static final String BIND_SQL = "select set_config('app.project_id', $1, true)";

    private final String systemRoleSql;
    private final Pool pool;

    TenantScope(DatabaseConfig database, Pool pool) {
        this.systemRoleSql = "set local role " + DatabaseConfig.quoted(database.systemRole());
        this.pool = pool;
    }

    /** Runs {@code work} in one Hibernate Reactive transaction bound to one project. */
    public <T> Uni<T> transaction(UUID projectId, Supplier<? extends Uni<? extends T>> work) {
        return Panache.withTransaction(() -> bind(projectId).chain(() -> work.get()));
    }

    /** Binds the current Panache transaction to one project. */
    public Uni<Void> bind(UUID projectId) {
        // Run as an update, not a select: Hibernate caches a native select's interpretation under a key that never
        // equals the next one, so every binding would add an entry to one ever-longer hash bucket.
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(BIND_SQL.replace("$1", "?1"))
                        .setParameter(1, projectId.toString())
                        .executeUpdate())
                .replaceWithVoid();
    }

    /** Lets the current Panache transaction see every project's rows. */
    public Uni<Void> system() {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(systemRoleSql).executeUpdate())
                .replaceWithVoid();
    }

    /** Runs {@code work} in a transaction of the Vert.x pool bound to one project: the light path, without Hibernate. */
    public <T> Uni<T> inProject(UUID projectId, Function<SqlConnection, Uni<T>> work) {
        return pool.withTransaction(connection -> bind(connection, projectId).chain(() -> work.apply(connection)));
    }

    /**
     * One statement in its own transaction bound to one project, in a single round trip: BEGIN, the binding, the
     * statement and COMMIT are pipelined on one connection. Should the binding fail, the transaction is aborted and
     * the statement fails with it; it never runs unbound. A write may be a data-modifying {@code WITH} whose parts
     * depend on each other (a row fenced by its lease, and the outbox row recorded only if it changed). Its rows are
     * what the statement returns.
     */
    public Uni<RowSet<Row>> statementInProject(UUID projectId, String sql, Tuple arguments) {
        return pool.withConnection(connection -> Uni.combine()
                .all()
                .unis(
                        connection.query("begin").execute(),
                        connection.preparedQuery(BIND_SQL).execute(Tuple.of(projectId.toString())),
                        connection.preparedQuery(sql).execute(arguments),
                        connection.query("commit").execute())
                .collectFailures()
                .with((begin, bound, rows, commit) -> rows));
    }

    /** Runs {@code work} in a transaction of the Vert.x pool that sees every project's rows. */
    public <T> Uni<T> asSystem(Function<SqlConnection, Uni<T>> work) {
        return pool.withTransaction(connection -> system(connection).chain(() -> work.apply(connection)));
    }

    /** Binds a transaction of the Vert.x pool to one project. */
    public Uni<Void> bind(SqlConnection connection, UUID projectId) {
        return connection
                .preparedQuery(BIND_SQL)
                .execute(Tuple.of(projectId.toString()))
                .replaceWithVoid();
    }

    /** Lets a transaction of the Vert.x pool see every project's rows. */
    public Uni<Void> system(SqlConnection connection) {
        return connection.query(systemRoleSql).execute().replaceWithVoid();
    }
}
