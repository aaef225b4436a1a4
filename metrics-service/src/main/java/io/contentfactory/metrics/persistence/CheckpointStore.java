package io.contentfactory.metrics.persistence;

import io.contentfactory.metrics.domain.CheckpointState;
import io.contentfactory.metrics.domain.MetricCheckpoint;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The checkpoints of published posts, in the caller's Hibernate session bound to the project. Their timer columns
 * ({@code fire_at}, {@code fired_at}, the lease) are moved by the kit's {@code DurableTimer}; states and reasons by
 * the entity's transitions.
 */
@ApplicationScoped
public class CheckpointStore implements PanacheRepositoryBase<MetricCheckpoint, UUID> {

    public Uni<MetricCheckpoint> findInProject(UUID projectId, UUID id) {
        return find("projectId = ?1 and id = ?2", projectId, id).firstResult();
    }

    /** Whether a checkpoint of the target due before {@code dueAt} is still pending (waiting, or being read). */
    public Uni<Boolean> earlierPending(UUID projectId, UUID targetId, Instant dueAt) {
        return Panache.getSession()
                .chain(session -> session.createSelectionQuery(
                                "select count(c) from MetricCheckpoint c where c.projectId = ?1 and c.targetId = ?2"
                                        + " and c.dueAt < ?3 and c.state = ?4",
                                Long.class)
                        .setParameter(1, projectId)
                        .setParameter(2, targetId)
                        .setParameter(3, dueAt)
                        .setParameter(4, CheckpointState.PENDING)
                        .getSingleResult())
                .map(count -> count > 0);
    }

    /** When the target's next checkpoint after {@code dueAt} is due, if it has one. */
    public Uni<Optional<Instant>> nextDue(UUID projectId, UUID targetId, Instant dueAt) {
        return Panache.getSession()
                .chain(session -> session.createSelectionQuery(
                                "select min(c.dueAt) from MetricCheckpoint c where c.projectId = ?1 and c.targetId = ?2"
                                        + " and c.dueAt > ?3",
                                Instant.class)
                        .setParameter(1, projectId)
                        .setParameter(2, targetId)
                        .setParameter(3, dueAt)
                        .getSingleResultOrNull())
                .map(Optional::ofNullable);
    }

    public Uni<List<MetricCheckpoint>> ofPost(UUID projectId, UUID postId) {
        return list("projectId = ?1 and postId = ?2 order by targetId, dueAt", projectId, postId);
    }

    public Uni<List<MetricCheckpoint>> ofMedia(UUID projectId, UUID mediaId) {
        return list("projectId = ?1 and mediaId = ?2 order by postId, targetId, dueAt", projectId, mediaId);
    }

    public Uni<List<MetricCheckpoint>> ofTarget(UUID projectId, UUID targetId) {
        return list("projectId = ?1 and targetId = ?2 order by dueAt", projectId, targetId);
    }
}
