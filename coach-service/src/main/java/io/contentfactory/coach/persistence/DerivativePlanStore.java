package io.contentfactory.coach.persistence;

import io.contentfactory.coach.domain.DerivativePlan;
import io.contentfactory.coach.domain.PlanFilter;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The project's derivative-media plans. Call inside a project-bound transaction. */
@ApplicationScoped
public class DerivativePlanStore implements PanacheRepositoryBase<DerivativePlan, UUID> {

    public Uni<Optional<DerivativePlan>> of(UUID id) {
        return findById(id).map(Optional::ofNullable);
    }

    /** Newest first. */
    public Uni<List<DerivativePlan>> page(PlanFilter filter, int limit) {
        List<String> where = new ArrayList<>();
        Parameters parameters = new Parameters();
        filter.status().ifPresent(status -> {
            where.add("status = :status");
            parameters.and("status", status);
        });
        filter.sourceMediaId().ifPresent(media -> {
            where.add("sourceMediaId = :media");
            parameters.and("media", media);
        });
        if (filter.at().isPresent()) {
            where.add("(createdAt < :at or (createdAt = :at and id < :id))");
            parameters.and("at", filter.at().get()).and("id", filter.id().orElseThrow());
        }
        String query = (where.isEmpty() ? "" : String.join(" and ", where)) + " order by createdAt desc, id desc";
        return find(query, parameters).page(0, limit).list();
    }

    /** The plans written with a brief, oldest first. */
    public Uni<List<DerivativePlan>> ofBrief(UUID briefId) {
        return list("briefId = ?1 order by createdAt, id", briefId);
    }
}
