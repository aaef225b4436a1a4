package io.contentfactory.studio.persistence;

import io.contentfactory.studio.domain.Generation;
import io.contentfactory.studio.domain.GenerationShot;
import io.contentfactory.studio.domain.GenerationStatus;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Generations and their shots. Call inside a transaction bound to the project (row-level security). */
@ApplicationScoped
public class GenerationStore implements PanacheRepositoryBase<Generation, UUID> {

    private final String table;

    GenerationStore(io.contentfactory.kit.ServiceConfig service) {
        this.table = service.table("generations");
    }

    /** A page of the project's generations, newest first, after the cursor, optionally of one status. */
    public Uni<List<Generation>> page(
            Optional<GenerationStatus> status, Optional<Instant> afterAt, Optional<UUID> afterId, int limit) {
        StringBuilder query = new StringBuilder("1 = 1");
        io.quarkus.panache.common.Parameters parameters = new io.quarkus.panache.common.Parameters();
        status.ifPresent(s -> {
            query.append(" and status = :status");
            parameters.and("status", s);
        });
        if (afterAt.isPresent() && afterId.isPresent()) {
            query.append(" and (createdAt < :at or (createdAt = :at and id < :id))");
            parameters.and("at", afterAt.get()).and("id", afterId.get());
        }
        query.append(" order by createdAt desc, id desc");
        return find(query.toString(), parameters).page(0, limit).list();
    }

    /**
     * Whether {@code claim} still holds the generation's lease; the row is locked until the transaction ends, so no
     * other instance's claim can take it over meanwhile. Call bound to the claim's project.
     */
    public Uni<Boolean> holdsLease(io.contentfactory.kit.timer.TimerClaim claim) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(
                                "select id from " + table + " where project_id = ?1 and id = ?2"
                                        + " and lease_epoch = ?3 and fired_at is null for update",
                                UUID.class)
                        .setParameter(1, claim.projectId())
                        .setParameter(2, claim.id())
                        .setParameter(3, claim.epoch())
                        .getResultList())
                .map(held -> held.size() == 1);
    }

    /** Makes the generation due now, so that a worker takes it up at once (a cancel stops its provider jobs). */
    public Uni<Void> dueNow(UUID projectId, UUID id) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery("update " + table
                                + " set fire_at = now() where project_id = ?1 and id = ?2" + " and fired_at is null")
                        .setParameter(1, projectId)
                        .setParameter(2, id)
                        .executeUpdate())
                .replaceWithVoid();
    }

    public Uni<List<GenerationShot>> shots(UUID generationId) {
        return Panache.getSession()
                .chain(session -> session.createQuery(
                                "from GenerationShot where generationId = :id order by index", GenerationShot.class)
                        .setParameter("id", generationId)
                        .getResultList());
    }

    public Uni<List<GenerationShot>> shotsOf(List<UUID> generationIds) {
        if (generationIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Panache.getSession()
                .chain(session -> session.createQuery(
                                "from GenerationShot where generationId in :ids order by generationId, index",
                                GenerationShot.class)
                        .setParameter("ids", generationIds)
                        .getResultList());
    }

    public Uni<Void> persistShots(List<GenerationShot> shots) {
        return Panache.getSession()
                .chain(session -> session.persistAll(shots.toArray()))
                .replaceWithVoid();
    }
}
