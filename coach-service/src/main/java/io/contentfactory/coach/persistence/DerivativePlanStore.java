package io.contentfactory.coach.persistence;

import io.contentfactory.coach.domain.DerivativePlan;
import io.contentfactory.coach.domain.PlanFilter;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
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
        NewestFirst query = new NewestFirst()
                .where("status", filter.status())
                .where("sourceMediaId", filter.sourceMediaId())
                .after(filter.at(), filter.id());
        return find(query.query(), query.parameters()).page(0, limit).list();
    }
}
