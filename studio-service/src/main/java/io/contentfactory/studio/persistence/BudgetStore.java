package io.contentfactory.studio.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A project's monthly generation budget and what its generations have committed this month. Call inside a transaction
 * bound to the project.
 */
@ApplicationScoped
public class BudgetStore {

    private final String budgets;
    private final String generations;

    BudgetStore(io.contentfactory.kit.ServiceConfig service) {
        this.budgets = service.table("generation_budgets");
        this.generations = service.table("generations");
    }

    /**
     * Holds the project's budget until the transaction ends: two generations started at once cannot both spend the
     * same remainder.
     */
    public Uni<Void> lock(UUID projectId) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(
                                "select count(*) from (select pg_advisory_xact_lock(hashtextextended(?1, 0))) l",
                                Long.class)
                        .setParameter(1, "generation_budget/" + projectId)
                        .getSingleResult())
                .replaceWithVoid();
    }

    /** The project's own monthly budget; empty when it never set one. */
    public Uni<Optional<BigDecimal>> monthly(UUID projectId) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(
                                "select monthly_usd from " + budgets + " where project_id = ?1", BigDecimal.class)
                        .setParameter(1, projectId)
                        .getResultList())
                .map(rows -> rows.stream().findFirst());
    }

    public Uni<Void> setMonthly(UUID projectId, BigDecimal usd, Instant at) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery("insert into " + budgets
                                + " (project_id, monthly_usd, updated_at) values (?1, ?2, ?3)"
                                + " on conflict (project_id) do update set monthly_usd = excluded.monthly_usd,"
                                + " updated_at = excluded.updated_at")
                        .setParameter(1, projectId)
                        .setParameter(2, usd)
                        .setParameter(3, at)
                        .executeUpdate())
                .replaceWithVoid();
    }

    /**
     * What the project's generations created since {@code since} commit: what an open one may still spend (its
     * estimate, or more if it already cost more), and what an ended one cost.
     */
    public Uni<BigDecimal> committedSince(Instant since) {
        String sql = "select coalesce(sum(case when status in ('queued', 'generating', 'assembling')"
                + " then greatest(estimated_cost, actual_cost) else actual_cost end), 0) from " + generations
                + " where created_at >= ?1";
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(sql, BigDecimal.class)
                        .setParameter(1, since)
                        .getSingleResult());
    }
}
