package io.contentfactory.kit.inbox;

import io.contentfactory.contracts.CloudEvent;
import io.contentfactory.kit.ServiceConfig;
import io.contentfactory.kit.db.Arguments;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Records processed event ids, in the same transaction as the effect, so a redelivered event changes nothing. */
@ApplicationScoped
public class Inbox {

    private final ServiceConfig service;

    Inbox(ServiceConfig service) {
        this.service = service;
    }

    /** True the first time this consumer sees the event; false for a redelivery. Call inside a transaction. */
    public Uni<Boolean> firstDelivery(String consumer, CloudEvent event) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(insertSql("?1, ?2, ?3, ?4"))
                        .setParameter(1, consumer)
                        .setParameter(2, event.id())
                        .setParameter(3, event.projectid())
                        .setParameter(4, event.type())
                        .executeUpdate())
                .map(inserted -> inserted == 1);
    }

    /** Whether this consumer has processed the event already. Call inside a transaction bound to the event's project. */
    public Uni<Boolean> processed(String consumer, CloudEvent event) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(
                                "select count(*) from " + service.table("inbox")
                                        + " where consumer = ?1 and event_id = ?2",
                                Long.class)
                        .setParameter(1, consumer)
                        .setParameter(2, event.id())
                        .getSingleResult())
                .map(count -> count > 0);
    }

    /**
     * The inbox insert as a part of a data-modifying {@code WITH} statement, named {@code name}: it answers a row only
     * the first time this consumer sees the event, so the statement's other parts can depend on that. Its values are
     * {@code $1} to {@code $4} ({@link #arguments}).
     */
    public String firstDeliveryPart(String name) {
        return name + " as ("
                + insertSql("#{inbox_consumer}, #{inbox_event_id}, #{inbox_project}, #{inbox_event_type}")
                + " returning 1)";
    }

    /** The values of {@link #firstDeliveryPart}'s parameters. */
    public static Arguments arguments(String consumer, CloudEvent event) {
        return Arguments.of()
                .text("inbox_consumer", consumer)
                .uuid("inbox_event_id", event.id())
                .uuid("inbox_project", event.projectid())
                .text("inbox_event_type", event.type());
    }

    /** The inbox insert, with the placeholders of the client that runs it (the pool's or Hibernate's). */
    private String insertSql(String placeholders) {
        return "insert into " + service.table("inbox") + " (consumer, event_id, project_id, event_type) values ("
                + placeholders + ") on conflict do nothing";
    }
}
