package io.contentfactory.analysis.service;

import io.contentfactory.analysis.persistence.LearnedModels;
import io.contentfactory.contracts.events.ModelUpdated;
import io.opentelemetry.instrumentation.annotations.SpanAttribute;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Keeps the model in force for each of the project's accounts as the coach announces it, and says which one scores new
 * media: the learned model resting on the most posts. An item is analysed before anyone says which account it goes
 * to, so the project's best-measured account speaks for it, and the explanation names that account.
 */
@ApplicationScoped
public class AccountModels {

    private final LearnedModels models;

    AccountModels(LearnedModels models) {
        this.models = models;
    }

    /** Called inside the transaction that records the event. */
    @WithSpan("AccountModels.updated")
    public Uni<Void> updated(@SpanAttribute("project.id") UUID projectId, ModelUpdated model) {
        return models.updated(projectId, model);
    }

    /** Every account's model in force, the defaults included. Call inside a project-bound transaction. */
    public Uni<List<ModelUpdated>> inForce() {
        return models.inForce();
    }

    /** The learned model new media is scored with, if any. Call inside a project-bound transaction. */
    public Uni<Optional<ModelUpdated>> scoring() {
        return models.inForce()
                .map(all -> all.stream().filter(ModelUpdated::learned).findFirst());
    }
}
