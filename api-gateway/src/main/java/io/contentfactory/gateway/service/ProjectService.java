package io.contentfactory.gateway.service;

import io.contentfactory.contracts.events.ProjectCreated;
import io.contentfactory.gateway.domain.Project;
import io.contentfactory.gateway.persistence.ProjectRepository;
import io.contentfactory.kit.domain.DomainError;
import io.contentfactory.kit.outbox.Outbox;
import io.contentfactory.kit.tenancy.TenantScope;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** Creates tenants and announces them with {@code project.created}. */
@ApplicationScoped
public class ProjectService {

    private final ProjectRepository projects;
    private final Outbox outbox;
    private final TenantScope tenancy;

    ProjectService(ProjectRepository projects, Outbox outbox, TenantScope tenancy) {
        this.projects = projects;
        this.outbox = outbox;
        this.tenancy = tenancy;
    }

    @WithTransaction
    @WithSpan("ProjectService.create")
    public Uni<Project> create(String name, String requestedSlug, String timeZone) {
        String slug = requestedSlug == null || requestedSlug.isBlank() ? slugOf(name) : requestedSlug;
        if (!slug.matches("^[a-z0-9][a-z0-9-]{1,62}$")) {
            throw new DomainError.Invalid(
                    "invalid_slug", "a slug is 2 to 63 lowercase letters, digits and dashes: '" + slug + "'");
        }
        String zone = timeZone == null || timeZone.isBlank() ? "UTC" : validZone(timeZone);
        // Slugs are unique across tenants: the operator's check looks at every project.
        return tenancy.system().chain(() -> projects.slugTaken(slug)).chain(taken -> {
            if (taken) {
                throw new DomainError.Conflict("slug_taken", "a project with slug '" + slug + "' already exists");
            }
            Project project = new Project();
            project.id = UUID.randomUUID();
            project.slug = slug;
            project.name = name.strip();
            project.timeZone = zone;
            project.createdAt = Instant.now();
            return projects.persist(project)
                    .call(saved -> outbox.record(
                            saved.id, new ProjectCreated(saved.id, saved.slug, saved.name, saved.timeZone)));
        });
    }

    @WithTransaction
    @WithSpan("ProjectService.list")
    public Uni<List<Project>> list() {
        return tenancy.system().chain(() -> projects.listAll());
    }

    static String slugOf(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
    }

    private static String validZone(String zone) {
        try {
            return ZoneId.of(zone).getId();
        } catch (DateTimeException e) {
            throw new DomainError.Invalid("invalid_time_zone", "'" + zone + "' is not an IANA time zone id");
        }
    }
}
