package io.contentfactory.kit.outbox;

import io.contentfactory.contracts.CloudEvent;
import io.contentfactory.contracts.EventCodec;
import io.contentfactory.contracts.EventType;
import io.contentfactory.contracts.events.PipelineEvent;
import io.contentfactory.kit.ServiceConfig;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
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
