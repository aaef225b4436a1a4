package io.contentfactory.kit.tenancy;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * Binds the current transaction to one project: {@code app.project_id} is set transaction-locally, so a pooled
 * connection never carries it into another request. Row-level security policies read it.
 */
@ApplicationScoped
public class TenantScope {

    /** Call inside a transaction, before any tenant query. */
    public Uni<Void> bind(UUID projectId) {
        return Panache.getSession().chain(session -> session
                        .createNativeQuery("select set_config('app.project_id', ?1, true)")
                        .setParameter(1, projectId.toString())
                        .getSingleResult())
                .replaceWithVoid();
    }
}
