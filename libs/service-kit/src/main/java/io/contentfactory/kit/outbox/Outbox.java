package io.contentfactory.kit.outbox;

import io.contentfactory.contracts.CloudEvent;
import io.contentfactory.contracts.EventCodec;
import io.contentfactory.contracts.EventType;
import io.contentfactory.contracts.events.PipelineEvent;
import io.contentfactory.kit.ServiceConfig;
import io.contentfactory.kit.db.Arguments;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Records an event in the service's outbox table, inside the caller's transaction.
 * The event leaves the service only if the state change it describes commits; the {@link OutboxRelay} sends it.
 */
@ApplicationScoped
public class Outbox {

    /** An outbox row's columns, in the order of {@link Pending}'s fields. */
    private static final String COLUMNS = " (event_id, project_id, topic, partition_key, event_type, payload)";

    private final ServiceConfig service;

    Outbox(ServiceConfig service) {
        this.service = service;
    }

    /** An event of one project, for {@link #recordAll}. */
    public record Outgoing(UUID projectId, PipelineEvent event) {}

    /**
     * An event in its outbox row's form, for a caller's own statement to insert ({@link #insertFrom}), so that the row
     * is written in the same statement as the change it reports.
     */
    public record Pending(
            UUID eventId, UUID projectId, String topic, String partitionKey, String eventType, String payload) {

        /** The row's values, for the parameters of {@link #insertFrom}. */
        public Arguments arguments() {
            return Arguments.of()
                    .uuid("event_id", eventId)
                    .uuid("event_project", projectId)
                    .text("event_topic", topic)
                    .text("event_key", partitionKey)
                    .text("event_type", eventType)
                    .text("event_payload", payload);
        }
    }

    /** The outbox row of one project's event, enveloped now. */
    public Pending pending(UUID projectId, PipelineEvent event) {
        return pending(projectId, event, Instant.now());
    }

    private Pending pending(UUID projectId, PipelineEvent event, Instant at) {
        return rowOf(EventCodec.envelope(UUID.randomUUID(), service.eventSource(), projectId, at, event), event);
    }

    private static Pending rowOf(CloudEvent envelope, PipelineEvent event) {
        EventType type = envelope.eventType();
        return new Pending(
                envelope.id(),
                envelope.projectid(),
                type.topic(),
                event.partitionKey(envelope.projectid()),
                type.cloudEventType(),
                EventCodec.toJson(envelope));
    }

    /**
     * The tail of a data-modifying {@code WITH} statement that records a {@link Pending} event once for each row of
     * {@code source} (one of the statement's own parts): nothing is recorded when the change it reports did not
     * happen. The event's values are named parameters, given by {@link Pending#arguments}.
     */
    public String insertFrom(String source) {
        return "insert into " + service.table("outbox") + COLUMNS
                + " select #{event_id}::uuid, #{event_project}::uuid, #{event_topic}::text, #{event_key}::text,"
                + " #{event_type}::text, #{event_payload}::text from " + source;
    }

    /**
     * Records many events with one statement on a Vert.x pool connection, inside the caller's transaction on it:
     * for work that changes many rows at once (a batch of timers firing).
     */
    public Uni<Void> recordAll(SqlConnection connection, List<Outgoing> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int size = events.size();
        UUID[] ids = new UUID[size];
        UUID[] projects = new UUID[size];
        String[] topics = new String[size];
        String[] keys = new String[size];
        String[] types = new String[size];
        String[] payloads = new String[size];
        Instant now = Instant.now();
        for (int i = 0; i < size; i++) {
            Pending row = pending(events.get(i).projectId(), events.get(i).event(), now);
            ids[i] = row.eventId();
            projects[i] = row.projectId();
            topics[i] = row.topic();
            keys[i] = row.partitionKey();
            types[i] = row.eventType();
            payloads[i] = row.payload();
        }
        // Ordered by position, so that the outbox ids (and the relay's sending order) follow the list.
        String sql = "insert into " + service.table("outbox") + COLUMNS
                + " select event_id, project_id, topic, partition_key, event_type, payload"
                + " from unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[]) with ordinality"
                + " as e(event_id, project_id, topic, partition_key, event_type, payload, n) order by n";
        return connection
                .preparedQuery(sql)
                .execute(Tuple.of(ids, projects, topics, keys, types, payloads))
                .replaceWithVoid();
    }

    /** Must be called inside {@code Panache.withTransaction} (or a {@code @WithTransaction} method). */
    public Uni<CloudEvent> record(UUID projectId, PipelineEvent event) {
        CloudEvent envelope =
                EventCodec.envelope(UUID.randomUUID(), service.eventSource(), projectId, Instant.now(), event);
        Pending row = rowOf(envelope, event);
        String sql = "insert into " + service.table("outbox") + COLUMNS + " values (?1, ?2, ?3, ?4, ?5, ?6)";
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(sql)
                        .setParameter(1, row.eventId())
                        .setParameter(2, row.projectId())
                        .setParameter(3, row.topic())
                        .setParameter(4, row.partitionKey())
                        .setParameter(5, row.eventType())
                        .setParameter(6, row.payload())
                        .executeUpdate())
                .replaceWith(envelope);
    }
}
