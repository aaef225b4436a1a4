package io.contentfactory.kit.probe;

import io.contentfactory.contracts.Channels;
import io.contentfactory.contracts.events.ProjectCreated;
import io.contentfactory.kit.ServiceConfig;
import io.contentfactory.kit.messaging.EventConsumer;
import io.contentfactory.kit.messaging.PermanentFailure;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The kit's test consumer: each {@code project.created} leaves one row in {@code probe_effects}, written in the
 * consumer's transaction. A slug starting with {@code poison} is refused for good; one starting with
 * {@code flaky} fails its first two attempts.
 */
@ApplicationScoped
public class ProbeConsumer {

    private final EventConsumer consumer;
    private final String group;
    private final java.util.Map<String, Integer> attempts = new java.util.concurrent.ConcurrentHashMap<>();

    ProbeConsumer(EventConsumer consumer, ServiceConfig service) {
        this.consumer = consumer;
        this.group = service.name();
    }

    @Incoming(Channels.PROJECT_CREATED)
    public Uni<Void> onProjectCreated(String event) {
        return consumer.consume(group, event, ProjectCreated.class, (context, project) -> {
            if (project.slug().startsWith("poison")) {
                return Uni.createFrom().failure(new PermanentFailure("poison " + project.slug()));
            }
            if (project.slug().startsWith("flaky") && attempts.merge(project.slug(), 1, Integer::sum) <= 2) {
                return Uni.createFrom().failure(new IllegalStateException("flaky " + project.slug()));
            }
            return Panache.getSession()
                    .chain(session -> session.createNativeQuery(
                                    "insert into kitprobe.probe_effects (project_id, event_id, slug) values (?1, ?2, ?3)")
                            .setParameter(1, context.projectId())
                            .setParameter(2, context.eventId())
                            .setParameter(3, project.slug())
                            .executeUpdate())
                    .replaceWithVoid();
        });
    }
}
