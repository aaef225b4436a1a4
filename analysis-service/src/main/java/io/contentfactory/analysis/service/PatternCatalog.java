package io.contentfactory.analysis.service;

import io.contentfactory.analysis.persistence.ProjectPatterns;
import io.contentfactory.contracts.events.PatternDeleted;
import io.contentfactory.contracts.events.PatternImported;
import io.opentelemetry.instrumentation.annotations.SpanAttribute;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * Keeps each project's top-performer patterns as the coach imports and deletes them: what every later analysis
 * compares its item with ({@code pattern_overlap}). Called inside the transaction that records the event.
 */
@ApplicationScoped
public class PatternCatalog {

    private final ProjectPatterns patterns;

    PatternCatalog(ProjectPatterns patterns) {
        this.patterns = patterns;
    }

    @WithSpan("PatternCatalog.imported")
    public Uni<Void> imported(@SpanAttribute("project.id") UUID projectId, PatternImported imported) {
        return patterns.imported(projectId, imported.patterns());
    }

    @WithSpan("PatternCatalog.deleted")
    public Uni<Void> deleted(@SpanAttribute("project.id") UUID projectId, PatternDeleted deleted) {
        return patterns.deleted(projectId, deleted.patternIds());
    }
}
