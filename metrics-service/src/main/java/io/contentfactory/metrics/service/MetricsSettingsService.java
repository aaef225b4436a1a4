package io.contentfactory.metrics.service;

import io.contentfactory.kit.domain.DomainError;
import io.contentfactory.metrics.domain.Checkpoint;
import io.contentfactory.metrics.persistence.MetricsSettingsStore;
import io.opentelemetry.instrumentation.annotations.SpanAttribute;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** A project's checkpoint set: what posts published from now on are measured at. Planned checkpoints keep theirs. */
@ApplicationScoped
public class MetricsSettingsService {

    private final MetricsSettingsStore settings;
    private final CheckpointPlanner planner;

    MetricsSettingsService(MetricsSettingsStore settings, CheckpointPlanner planner) {
        this.settings = settings;
        this.planner = planner;
    }

    @WithSpan("MetricsSettingsService.checkpoints")
    public Uni<List<Checkpoint>> checkpoints(@SpanAttribute("project.id") UUID projectId) {
        return settings.checkpoints(projectId)
                .map(own -> own.map(Checkpoint::set).orElse(planner.defaults()));
    }

    @WithSpan("MetricsSettingsService.save")
    public Uni<List<Checkpoint>> save(@SpanAttribute("project.id") UUID projectId, List<String> labels) {
        List<Checkpoint> set;
        try {
            set = Checkpoint.set(labels);
        } catch (IllegalArgumentException refused) {
            throw new DomainError.Invalid("invalid_checkpoints", refused.getMessage());
        }
        List<String> ordered = set.stream().map(Checkpoint::label).toList();
        return settings.save(projectId, ordered).replaceWith(set);
    }
}
