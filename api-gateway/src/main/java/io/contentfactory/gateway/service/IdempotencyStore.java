package io.contentfactory.gateway.service;

import io.contentfactory.kit.ServiceConfig;
import io.contentfactory.kit.tenancy.TenantScope;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Records of requests sent with an {@code Idempotency-Key}. A request claims its (project, key) row before it is
 * forwarded, so a concurrent duplicate finds the claim and is refused; the finished response is stored and
 * replayed to later retries. Rows are kept for {@code factory.gateway.idempotency.retention} (48 h).
 */
@ApplicationScoped
public class IdempotencyStore {

    private static final Logger LOG = Logger.getLogger(IdempotencyStore.class);

    private final Vertx vertx;
    private final TenantScope tenancy;
    private final String table;
    private final Duration retention;
    private final Duration lock;

    IdempotencyStore(
            Vertx vertx,
            ServiceConfig service,
            TenantScope tenancy,
            @ConfigProperty(name = "factory.gateway.idempotency.retention") Duration retention,
            @ConfigProperty(name = "factory.gateway.idempotency.lock") Duration lock) {
        this.vertx = vertx;
        this.tenancy = tenancy;
        this.table = service.table("idempotency_records");
        this.retention = retention;
        this.lock = lock;
    }

    public sealed interface Claim permits Started, InProgress, Completed {}

    /** This request owns the key: forward it, then {@link #complete} or {@link #release}. */
    public record Started() implements Claim {}

    /** Another request with the same key is being executed right now. */
    public record InProgress() implements Claim {}

    /** The key was used before; its request hash decides between replay and refusal. */
    public record Completed(
            String method,
            String path,
            String requestHash,
            int status,
            String contentType,
            String location,
            Buffer body)
            implements Claim {}

    public Uni<Claim> claim(UUID projectId, String key, String method, String path) {
        String insert = "insert into " + table + " (project_id, idempotency_key, method, path, state, locked_until)"
                + " values ($1, $2, $3, $4, 'in_progress', now() + make_interval(secs => $5)) on conflict do nothing";
        return tenancy.inProject(
                projectId,
                connection -> connection
                        .preparedQuery(insert)
                        .execute(Tuple.of(projectId, key, method, path, (double) lock.toSeconds()))
                        .chain(inserted -> inserted.rowCount() == 1
                                ? Uni.createFrom().item(new Started())
                                : existing(connection, projectId, key)));
    }

    private Uni<Claim> existing(SqlConnection connection, UUID projectId, String key) {
        // A claim whose executor died (lock expired) is taken over; its request may or may not have run upstream.
        String takeOver = "update " + table + " set locked_until = now() + make_interval(secs => $3)"
                + " where project_id = $1 and idempotency_key = $2 and state = 'in_progress' and locked_until < now()";
        String select =
                "select method, path, request_hash, state, response_status, response_content_type, response_location,"
                        + " response_body from " + table + " where project_id = $1 and idempotency_key = $2";
        return connection
                .preparedQuery(takeOver)
                .execute(Tuple.of(projectId, key, (double) lock.toSeconds()))
                .chain(updated -> updated.rowCount() == 1
                        ? Uni.createFrom().item(new Started())
                        : connection
                                .preparedQuery(select)
                                .execute(Tuple.of(projectId, key))
                                .map(rows -> {
                                    if (!rows.iterator().hasNext()) {
                                        return new InProgress();
                                    }
                                    Row row = rows.iterator().next();
                                    if (!"completed".equals(row.getString("state"))) {
                                        return new InProgress();
                                    }
                                    return new Completed(
                                            row.getString("method"),
                                            row.getString("path"),
                                            row.getString("request_hash"),
                                            row.getInteger("response_status"),
                                            row.getString("response_content_type"),
                                            row.getString("response_location"),
                                            row.getBuffer("response_body"));
                                }));
    }

    public Uni<Void> complete(
            UUID projectId,
            String key,
            String requestHash,
            int status,
            String contentType,
            String location,
            Buffer body) {
        String sql = "update " + table + " set state = 'completed', request_hash = $3, response_status = $4,"
                + " response_content_type = $5, response_location = $6, response_body = $7 where project_id = $1 and idempotency_key = $2";
        Tuple values = Tuple.tuple(java.util.List.of(
                projectId,
                key,
                requestHash,
                status,
                contentType == null ? "" : contentType,
                location == null ? "" : location,
                body.getDelegate()));
        return tenancy.inProject(
                        projectId, connection -> connection.preparedQuery(sql).execute(values))
                .replaceWithVoid();
    }

    /** Nothing reached the service (it was unreachable): the key may be used again. */
    public Uni<Void> release(UUID projectId, String key) {
        String sql =
                "delete from " + table + " where project_id = $1 and idempotency_key = $2 and state = 'in_progress'";
        return tenancy.inProject(
                        projectId, connection -> connection.preparedQuery(sql).execute(Tuple.of(projectId, key)))
                .replaceWithVoid();
    }

    void purgePeriodically(@Observes StartupEvent event) {
        String sql = "delete from " + table + " where created_at < now() - make_interval(secs => $1)";
        vertx.setPeriodic(
                Duration.ofMinutes(30).toMillis(),
                id -> tenancy.asSystem(connection ->
                                connection.preparedQuery(sql).execute(Tuple.of((double) retention.toSeconds())))
                        .subscribe()
                        .with(
                                rows -> LOG.debugf("purged %d idempotency records", rows.rowCount()),
                                failure -> LOG.warnf("idempotency purge failed: %s", failure.getMessage())));
    }
}
