package io.contentfactory.coach.service;

import io.contentfactory.coach.domain.DerivativePlan;
import io.contentfactory.coach.domain.FormatType;
import io.contentfactory.coach.domain.PlanFilter;
import io.contentfactory.coach.domain.PlanStatus;
import io.contentfactory.coach.persistence.CreativeBriefStore;
import io.contentfactory.coach.persistence.DerivativePlanStore;
import io.contentfactory.contracts.events.DerivativePlanCompleted;
import io.contentfactory.contracts.events.DerivativePlanCreated;
import io.contentfactory.contracts.events.MediaIngested;
import io.contentfactory.kit.domain.DomainError;
import io.contentfactory.kit.outbox.Outbox;
import io.contentfactory.kit.tenancy.TenantScope;
import io.opentelemetry.instrumentation.annotations.SpanAttribute;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Derivative-media plans as people and uploads move them: started, then completed by the media item made from it
 * (named in a PATCH, or ingested with {@code derivedFromPlanId}), which {@code derivative-plan.completed} announces
 * with the source it derives from.
 */
@ApplicationScoped
public class DerivativePlanService {

    private static final Logger LOG = Logger.getLogger(DerivativePlanService.class);

    private final DerivativePlanStore plans;
    private final Outbox outbox;
    private final TenantScope tenancy;
    private final CreativeBriefStore briefs;

    DerivativePlanService(DerivativePlanStore plans, Outbox outbox, TenantScope tenancy, CreativeBriefStore briefs) {
        this.plans = plans;
        this.briefs = briefs;
        this.outbox = outbox;
        this.tenancy = tenancy;
    }

    public Uni<DerivativePlan> get(UUID projectId, UUID id) {
        return tenancy.transaction(projectId, () -> found(id));
    }

    public Uni<List<DerivativePlan>> page(UUID projectId, PlanFilter filter, int limit) {
        return tenancy.transaction(projectId, () -> plans.page(filter, limit));
    }

    /** A plan a person writes by hand; a brief it names must be the project's. */
    @WithSpan("DerivativePlanService.plan")
    public Uni<DerivativePlan> plan(@SpanAttribute("project.id") UUID projectId, NewPlan plan) {
        return tenancy.transaction(
                projectId,
                () -> (plan.briefId() == null
                                ? Uni.createFrom().voidItem()
                                : briefs.of(plan.briefId())
                                        .invoke(found -> found.orElseThrow(() -> DomainError.NotFound.coded(
                                                "brief_not_found",
                                                "creative brief " + plan.briefId()
                                                        + " does not exist in this project")))
                                        .replaceWithVoid())
                        .chain(() -> created(DerivativePlan.planned(
                                projectId,
                                plan.briefId(),
                                plan.sourceMediaId(),
                                plan.format(),
                                plan.instructions(),
                                plan.targetPlatform(),
                                plan.estimatedLengthSec(),
                                Instant.now()))));
    }

    /** What a hand-written plan says. */
    public record NewPlan(
            UUID briefId,
            UUID sourceMediaId,
            FormatType format,
            String instructions,
            String targetPlatform,
            Integer estimatedLengthSec) {}

    /** Stores a new plan and announces it. Call inside a project-bound transaction. */
    Uni<DerivativePlan> created(DerivativePlan plan) {
        return plans.persist(plan)
                .call(saved -> outbox.record(
                        saved.projectId,
                        new DerivativePlanCreated(
                                saved.id,
                                saved.briefId,
                                saved.sourceMediaId,
                                saved.format.wire(),
                                saved.targetPlatform,
                                saved.estimatedLengthSec)));
    }

    /** Moves the plan to {@code status}; completing it names the media item it produced. */
    @WithSpan("DerivativePlanService.move")
    public Uni<DerivativePlan> move(
            @SpanAttribute("project.id") UUID projectId, UUID id, PlanStatus status, UUID resultMediaId) {
        return tenancy.transaction(
                projectId,
                () -> found(id).chain(plan -> switch (status) {
                    case PLANNED ->
                        Uni.createFrom()
                                .failure(new DomainError.Conflict(
                                        "plan_status_conflict", "a derivative plan cannot move back to planned"));
                    case IN_PRODUCTION -> {
                        plan.startProduction(Instant.now());
                        yield plans.persist(plan);
                    }
                    case COMPLETED -> completed(plan, resultMediaId);
                }));
    }

    /**
     * A media item ingested as the derivative of a plan completes it; one the plan already names changes nothing (a
     * redelivery). A plan this project does not have is logged and left: ingest cannot check the coach's plans.
     * Call inside a transaction bound to {@code projectId}.
     */
    @WithSpan("DerivativePlanService.ingested")
    public Uni<Void> ingested(@SpanAttribute("project.id") UUID projectId, MediaIngested ingested) {
        UUID planId = ingested.derivedFromPlanId();
        if (planId == null) {
            return Uni.createFrom().voidItem();
        }
        return plans.of(planId).chain(found -> {
            if (found.isEmpty()) {
                LOG.warnf(
                        "media item %s names derivative plan %s, which project %s does not have",
                        ingested.mediaId(), planId, projectId);
                return Uni.createFrom().voidItem();
            }
            DerivativePlan plan = found.get();
            if (plan.status == PlanStatus.COMPLETED) {
                if (!ingested.mediaId().equals(plan.resultMediaId)) {
                    LOG.warnf(
                            "media item %s names derivative plan %s, already completed by %s",
                            ingested.mediaId(), planId, plan.resultMediaId);
                }
                return Uni.createFrom().voidItem();
            }
            return completed(plan, ingested.mediaId()).replaceWithVoid();
        });
    }

    private Uni<DerivativePlan> completed(DerivativePlan plan, UUID resultMediaId) {
        plan.complete(resultMediaId, Instant.now());
        return plans.persist(plan)
                .call(saved -> outbox.record(
                        saved.projectId,
                        new DerivativePlanCompleted(
                                saved.id,
                                saved.briefId,
                                saved.sourceMediaId,
                                saved.resultMediaId,
                                saved.format.wire())));
    }

    private Uni<DerivativePlan> found(UUID id) {
        return plans.of(id).map(found -> found.orElseThrow(() -> new DomainError.NotFound("derivative plan", id)));
    }
}
