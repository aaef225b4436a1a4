package io.contentfactory.kit.outbox;

import io.contentfactory.contracts.CloudEvent;
import io.contentfactory.kit.ServiceConfig;
import io.contentfactory.kit.db.PgNotifications;
import io.contentfactory.kit.tenancy.TenantScope;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

/**
 * Publishes committed outbox rows to Kafka, oldest first, one at a time, so that every key keeps its order.
 *
 * <p>It wakes on the outbox trigger's NOTIFY and also polls. A transaction-scoped advisory lock makes one relay
 * per schema work at a time, even with several instances. A row is marked published only after Kafka
 * acknowledged it: a crash in between sends it again, which consumers absorb through their inbox. It reads every
 * project's rows, so its transactions run as the system role.
 */
@ApplicationScoped
public class OutboxRelay {

    public static final String CHANNEL = "outbox-relay";
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Records awaiting their acknowledgement; below the emitter's buffer, so a batch never overflows it. */
    private static final int IN_FLIGHT = 500;

    private static final long PURGE_INTERVAL_MS = 3_600_000;

    private final Vertx vertx;
    private final MutinyEmitter<String> emitter;
    private final PgNotifications notifications;
    private final ServiceConfig service;
    private final OutboxConfig config;
    private final TenantScope tenancy;
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean drainAgain = new AtomicBoolean();
    private volatile boolean stopped;
    private long pollTimer = -1;
    private long purgeTimer = -1;

    OutboxRelay(
            Vertx vertx,
            @Channel(CHANNEL) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 1024)
                    MutinyEmitter<String> emitter,
            PgNotifications notifications,
            ServiceConfig service,
            OutboxConfig config,
            TenantScope tenancy) {
        this.vertx = vertx;
        this.emitter = emitter;
        this.notifications = notifications;
        this.service = service;
        this.config = config;
        this.tenancy = tenancy;
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.relayEnabled()) {
            LOG.warn("outbox relay is disabled: events stay in the outbox until a relay runs");
            return;
        }
        notifications.listen("outbox_" + service.schema(), this::wake);
        pollTimer = vertx.setPeriodic(config.pollInterval().toMillis(), id -> wake());
        purgeTimer = vertx.setPeriodic(
                PURGE_INTERVAL_MS,
                id -> purgePublished()
                        .subscribe()
                        .with(
                                purged -> LOG.debugf("purged %d published outbox rows", purged),
                                failure -> LOG.warnf("outbox purge failed: %s", failure.getMessage())));
        wake();
    }

    void onStop(@Observes ShutdownEvent event) {
        stopped = true;
        if (pollTimer >= 0) {
            vertx.cancelTimer(pollTimer);
            vertx.cancelTimer(purgeTimer);
        }
    }

    /** Starts a drain, or asks the running one to go round once more. */
    public void wake() {
        if (stopped) {
            return;
        }
        if (!draining.compareAndSet(false, true)) {
            drainAgain.set(true);
            return;
        }
        drainAgain.set(false);
        drainOnce()
                .onTermination()
                .invoke(() -> draining.set(false))
                .subscribe()
                .with(
                        sent -> {
                            if (sent == config.batchSize() || drainAgain.get()) {
                                wake();
                            }
                        },
                        failure -> LOG.warnf("outbox relay round failed, will retry: %s", failure.getMessage()));
    }

    /** Sends up to one batch; emits how many rows were published. */
    public Uni<Integer> drainOnce() {
        return tenancy.asSystem(connection -> tryLock(connection)
                .chain(locked -> locked
                        ? unpublished(connection)
                                .chain(rows -> publishInOrder(rows).chain(() -> markPublished(connection, rows)))
                        : Uni.createFrom().item(0)));
    }

    private Uni<Boolean> tryLock(SqlConnection connection) {
        return connection
                .preparedQuery("select pg_try_advisory_xact_lock(hashtext($1))")
                .execute(Tuple.of("outbox:" + service.schema()))
                .map(rows -> rows.iterator().next().getBoolean(0));
    }

    private Uni<List<OutboxRow>> unpublished(SqlConnection connection) {
        String sql = "select id, topic, partition_key, payload from " + service.table("outbox")
                + " where published_at is null order by id limit $1";
        return connection
                .preparedQuery(sql)
                .execute(Tuple.of(config.batchSize()))
                .map(rows -> {
                    List<OutboxRow> list = new ArrayList<>();
                    for (Row row : rows) {
                        list.add(new OutboxRow(
                                row.getLong("id"),
                                row.getString("topic"),
                                row.getString("partition_key"),
                                row.getString("payload")));
                    }
                    return list;
                });
    }

    /**
     * Sends a batch pipelined: records are handed to the producer in outbox order, up to {@link #IN_FLIGHT} awaiting
     * their acknowledgement, so one partition receives them in that order (the producer is idempotent). The batch is
     * marked published only when every record is acknowledged; after a failure the whole batch is sent again, and
     * consumers drop the copies by event id.
     */
    private Uni<Void> publishInOrder(List<OutboxRow> rows) {
        return Multi.createFrom()
                .iterable(rows)
                .onItem()
                .transformToUni(this::send)
                .merge(IN_FLIGHT)
                .collect()
                .last()
                .replaceWithVoid();
    }

    private Uni<Void> send(OutboxRow row) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(CloudEvent.CONTENT_TYPE_HEADER, CloudEvent.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(row.topic())
                .withKey(row.partitionKey())
                .withHeaders(headers)
                .build();
        return emitter.sendMessage(Message.of(row.payload()).addMetadata(metadata));
    }

    private Uni<Integer> markPublished(SqlConnection connection, List<OutboxRow> rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        Long[] ids = rows.stream().map(OutboxRow::id).toArray(Long[]::new);
        String sql = "update " + service.table("outbox") + " set published_at = now() where id = any($1)";
        return connection.preparedQuery(sql).execute(Tuple.of(ids)).map(result -> rows.size());
    }

    /** Deletes published rows past their retention; runs hourly. */
    public Uni<Integer> purgePublished() {
        String sql =
                "delete from " + service.table("outbox") + " where published_at < now() - make_interval(secs => $1)";
        return tenancy.asSystem(connection -> connection.preparedQuery(sql).execute(Tuple.of((double)
                        config.retention().toSeconds())))
                .map(result -> result.rowCount());
    }

    private record OutboxRow(long id, String topic, String partitionKey, String payload) {}
}
