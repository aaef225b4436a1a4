package io.contentfactory.scheduler.domain;

import io.contentfactory.scheduler.persistence.ProjectSettingsRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

/** A project's planning settings, or the defaults for a project that never saved any. Run inside a bound transaction. */
@ApplicationScoped
public class Settings {

    private final ProjectSettingsRepository rows;
    private final SchedulerConfig config;

    Settings(ProjectSettingsRepository rows, SchedulerConfig config) {
        this.rows = rows;
        this.config = config;
    }

    public Uni<ScheduleSettings> of(UUID projectId) {
        return rows.findById(projectId).map(row -> ScheduleSettings.of(row, config));
    }

    Uni<Void> save(UUID projectId, ScheduleSettings settings) {
        return rows.findById(projectId).chain(existing -> {
            ProjectSettings row = existing != null ? existing : new ProjectSettings();
            row.projectId = projectId;
            settings.storeInto(row);
            row.updatedAt = Instant.now();
            return existing != null ? Uni.createFrom().item(row) : rows.persist(row);
        }).replaceWithVoid();
    }
}
