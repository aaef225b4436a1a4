package io.contentfactory.scheduler.service;

import io.contentfactory.scheduler.domain.ProjectSettings;
import io.contentfactory.scheduler.domain.ScheduleSettings;
import io.contentfactory.scheduler.persistence.ProjectSettingsStore;
import io.opentelemetry.instrumentation.annotations.SpanAttribute;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

/** A project's planning settings, or the defaults for a project that never saved any. Run inside a bound transaction. */
@ApplicationScoped
public class SettingsService {

    private final ProjectSettingsStore rows;

    SettingsService(ProjectSettingsStore rows) {
        this.rows = rows;
    }

    @WithSpan("SettingsService.of")
    public Uni<ScheduleSettings> of(@SpanAttribute("project.id") UUID projectId) {
        return rows.findById(projectId).map(ScheduleSettings::of);
    }

    /**
     * A new project plans in its own time zone from the start: it becomes the settings' zone unless the project
     * already saved settings (then they stand). Run inside a transaction bound to the project.
     */
    @WithSpan("SettingsService.adoptTimeZone")
    public Uni<Void> adoptTimeZone(@SpanAttribute("project.id") UUID projectId, String timeZone) {
        return rows.lock(projectId).chain(() -> rows.findById(projectId)).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().voidItem();
            }
            ProjectSettings row = new ProjectSettings();
            row.projectId = projectId;
            row.timeZone = java.time.ZoneId.of(timeZone).getId();
            row.updatedAt = Instant.now();
            return rows.persist(row).replaceWithVoid();
        });
    }

    Uni<Void> save(UUID projectId, ScheduleSettings settings) {
        return rows.lock(projectId)
                .chain(() -> rows.findById(projectId))
                .chain(existing -> {
                    ProjectSettings row = existing != null ? existing : new ProjectSettings();
                    row.projectId = projectId;
                    settings.storeInto(row);
                    row.updatedAt = Instant.now();
                    return existing != null ? Uni.createFrom().item(row) : rows.persist(row);
                })
                .replaceWithVoid();
    }
}
