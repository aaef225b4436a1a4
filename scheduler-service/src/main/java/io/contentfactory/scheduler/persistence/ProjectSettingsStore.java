package io.contentfactory.scheduler.persistence;

import io.contentfactory.scheduler.domain.ProjectSettings;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class ProjectSettingsStore implements PanacheRepositoryBase<ProjectSettings, UUID> {

    /**
     * Holds the project's settings row, or its place, until the transaction ends. A project's first PUT of its
     * settings and the time zone adopted from {@code project.created} both read, then insert: without the lock they
     * race, and one fails on the primary key (a 500 for the PUT).
     */
    public Uni<Void> lock(UUID projectId) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(
                                "select count(*) from (select pg_advisory_xact_lock(hashtextextended(?1, 0))) l",
                                Long.class)
                        .setParameter(1, "planning_settings/" + projectId)
                        .getSingleResult())
                .replaceWithVoid();
    }
}
