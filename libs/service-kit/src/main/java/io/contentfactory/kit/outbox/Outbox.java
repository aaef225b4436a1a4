package io.contentfactory.kit.outbox;

import io.contentfactory.contracts.CloudEvent;
import io.contentfactory.contracts.EventCodec;
import io.contentfactory.contracts.EventType;
import io.contentfactory.contracts.events.PipelineEvent;
import io.contentfactory.kit.ServiceConfig;
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

    private final ServiceConfig service;

    Outbox(ServiceConfig service) {
        this.service = service;
    }

    /** An event of one project, for {@link #recordAll}. */
    public record Outgoing(UUID projectId, PipelineEvent event) {
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
            Outgoing outgoing = events.get(i);
            CloudEvent envelope = EventCodec.envelope(UUID.randomUUID(), service.eventSource(), outgoing.projectId(), now, outgoing.event());
            ids[i] = envelope.id();
            projects[i] = outgoing.projectId();
            topics[i] = envelope.eventType().topic();
            keys[i] = outgoing.event().partitionKey(outgoing.projectId());
            types[i] = envelope.eventType().cloudEventType();
            payloads[i] = EventCodec.toJson(envelope);
        }
        // Ordered by position, so that the outbox ids (and the relay's sending order) follow the list.
        String sql = "insert into " + service.table("outbox") + " (event_id, project_id, topic, partition_key, event_type, payload)"
                + " select event_id, project_id, topic, partition_key, event_type, payload"
                + " from unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[]) with ordinality"
                + " as e(event_id, project_id, topic, partition_key, event_type, payload, n) order by n";
        return connection.preparedQuery(sql)
                .execute(Tuple.of(ids, projects, topics, keys, types, payloads)).replaceWithVoid();
    }

    /** Must be called inside {@code Panache.withTransaction} (or a {@code @WithTransaction} method). */
    public Uni<CloudEvent> record(UUID projectId, PipelineEvent event) {
        CloudEvent envelope = EventCodec.envelope(UUID.randomUUID(), service.eventSource(), projectId, Instant.now(), event);
        EventType type = envelope.eventType();
        String sql = "insert into " + service.table("outbox")
                + " (event_id, project_id, topic, partition_key, event_type, payload) values (?1, ?2, ?3, ?4, ?5, ?6)";
        return Panache.getSession().chain(session -> session.createNativeQuery(sql)
                        .setParameter(1, envelope.id())
                        .setParameter(2, projectId)
                        .setParameter(3, type.topic())
                        .setParameter(4, event.partitionKey(projectId))
                        .setParameter(5, type.cloudEventType())
                        .setParameter(6, EventCodec.toJson(envelope))
                        .executeUpdate())
                .replaceWith(envelope);
    }
}
