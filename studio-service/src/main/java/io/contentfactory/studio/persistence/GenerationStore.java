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
