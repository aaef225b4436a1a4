package io.contentfactory.gateway.persistence;

import io.contentfactory.gateway.domain.IdempotencyRecord;
import io.contentfactory.gateway.domain.IdempotencyState;
import io.contentfactory.kit.ServiceConfig;
import io.contentfactory.kit.tenancy.TenantScope;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Idempotency records, on the Vert.x pool: the edge asks for one on every write sent with a key, and Hibernate would
 * add only its overhead. Each (project, key) has at most one row.
 */
@ApplicationScoped
public class IdempotencyRecordStore {

    private static final String IN_PROGRESS = IdempotencyState.IN_PROGRESS.wire();
    private static final String COMPLETED = IdempotencyState.COMPLETED.wire();

    private final TenantScope tenancy;
    private final String table;

    IdempotencyRecordStore(ServiceConfig service, TenantScope tenancy) {
        this.tenancy = tenancy;
        this.table = service.table("idempotency_records");
    }

    /** The outcome of asking for a key: this request holds it now, or the record another request left. */
    public record Claimed(boolean taken, Optional<IdempotencyRecord> existing) {}

    /**
     * Claims the key for a request, in progress until {@code lock} from now; a claim whose lock ran out (its executor
     * died) is taken over. Otherwise answers the record as it stands (empty if it vanished meanwhile).
     */
    public Uni<Claimed> claim(UUID projectId, String key, String method, String path, Duration lock) {
        String insert = "insert into " + table + " (project_id, idempotency_key, method, path, state, locked_until)"
                + " values ($1, $2, $3, $4, '" + IN_PROGRESS + "', now() + make_interval(secs => $5))"
                + " on conflict do nothing";
        return tenancy.inProject(
                projectId,
                connection -> connection
                        .preparedQuery(insert)
                        .execute(Tuple.of(projectId, key, method, path, (double) lock.toSeconds()))
                        .chain(inserted -> inserted.rowCount() == 1
                                ? Uni.createFrom().item(new Claimed(true, Optional.empty()))
                                : takeOverOrRead(connection, projectId, key, lock)));
    }

    private Uni<Claimed> takeOverOrRead(SqlConnection connection, UUID projectId, String key, Duration lock) {
        String takeOver = "update " + table + " set locked_until = now() + make_interval(secs => $3)"
                + " where project_id = $1 and idempotency_key = $2 and state = '" + IN_PROGRESS + "'"
                + " and locked_until < now()";
        String select =
                "select method, path, request_hash, state, response_status, response_content_type, response_location,"
                        + " response_body from " + table + " where project_id = $1 and idempotency_key = $2";
        return connection
                .preparedQuery(takeOver)
                .execute(Tuple.of(projectId, key, (double) lock.toSeconds()))
                .chain(updated -> updated.rowCount() == 1
                        ? Uni.createFrom().item(new Claimed(true, Optional.empty()))
                        : connection
                                .preparedQuery(select)
                                .execute(Tuple.of(projectId, key))
                                .map(rows -> new Claimed(
                                        false,
                                        rows.iterator().hasNext()
                                                ? Optional.of(
                                                        recorded(rows.iterator().next()))
                                                : Optional.empty())));
    }

    private static IdempotencyRecord recorded(Row row) {
        return new IdempotencyRecord(
                IdempotencyState.ofWire(row.getString("state")),
                row.getString("method"),
                row.getString("path"),
                row.getString("request_hash"),
                row.getInteger("response_status"),
                row.getString("response_content_type"),
                row.getString("response_location"),
                row.getBuffer("response_body"));
    }

    public Uni<Void> complete(
            UUID projectId,
            String key,
            String requestHash,
            int status,
            String contentType,
            String location,
            Buffer body) {
        String sql = "update " + table + " set state = '" + COMPLETED + "', request_hash = $3, response_status = $4,"
                + " response_content_type = $5, response_location = $6, response_body = $7"
                + " where project_id = $1 and idempotency_key = $2";
        Tuple values = Tuple.tuple(List.of(
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

    /** Deletes an in-progress claim, so that the key may be used again. */
    public Uni<Void> release(UUID projectId, String key) {
        String sql = "delete from " + table + " where project_id = $1 and idempotency_key = $2 and state = '"
                + IN_PROGRESS + "'";
        return tenancy.inProject(
                        projectId, connection -> connection.preparedQuery(sql).execute(Tuple.of(projectId, key)))
                .replaceWithVoid();
    }

    /** Deletes every project's records older than {@code retention}; answers how many. */
    public Uni<Integer> purgeOlderThan(Duration retention) {
        String sql = "delete from " + table + " where created_at < now() - make_interval(secs => $1)";
        return tenancy.asSystem(
                        connection -> connection.preparedQuery(sql).execute(Tuple.of((double) retention.toSeconds())))
                .map(rows -> rows.rowCount());
    }
}
