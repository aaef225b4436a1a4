package io.contentfactory.scheduler.service;

import io.contentfactory.contracts.events.ModelUpdated;
import io.contentfactory.scheduler.persistence.LearnedSlotsStore;
import io.contentfactory.scheduler.persistence.PostTargetStore;
import io.opentelemetry.instrumentation.annotations.SpanAttribute;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * Keeps each account's learned hours as the coach announces them, and plans the project's unfired planner slots again
 * under them, as new settings do.
 */
@ApplicationScoped
public class LearnedHours {

    private final LearnedSlotsStore slots;
    private final PostTargetStore targets;
    private final Planner planner;

    LearnedHours(LearnedSlotsStore slots, PostTargetStore targets, Planner planner) {
        this.slots = slots;
        this.targets = targets;
        this.planner = planner;
    }

    /** Called inside the transaction that records the event. */
    @WithSpan("LearnedHours.updated")
    public Uni<Void> updated(@SpanAttribute("project.id") UUID projectId, ModelUpdated model) {
        return slots.updated(projectId, model)
                .chain(() -> targets.requeuePlanned(projectId))
                .chain(() -> planner.replanWaiting(projectId));
    }
}
