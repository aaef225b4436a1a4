package io.contentfactory.studio.service;

import io.contentfactory.kit.domain.DomainError;
import io.contentfactory.kit.tenancy.TenantScope;
import io.contentfactory.studio.clients.CoachBriefs;
import io.contentfactory.studio.clients.GenerationProviders;
import io.contentfactory.studio.config.StudioConfig;
import io.contentfactory.studio.domain.Generation;
import io.contentfactory.studio.domain.GenerationDraft;
import io.contentfactory.studio.domain.GenerationOrder;
import io.contentfactory.studio.domain.GenerationShot;
import io.contentfactory.studio.domain.GenerationSource;
import io.contentfactory.studio.domain.GenerationStatus;
import io.contentfactory.studio.domain.ModelCatalog;
import io.contentfactory.studio.domain.ModelChoice;
import io.contentfactory.studio.domain.Shot;
import io.contentfactory.studio.domain.ShotPlanner;
import io.contentfactory.studio.domain.ShotStatus;
import io.contentfactory.studio.domain.SourceBrief;
import io.contentfactory.studio.domain.SourceMaterial;
import io.contentfactory.studio.domain.StudioErrors;
import io.contentfactory.studio.persistence.BudgetStore;
import io.contentfactory.studio.persistence.GenerationStore;
import io.opentelemetry.instrumentation.annotations.SpanAttribute;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Generations as a project asks for them: planned into shots, a model chosen per shot and the cost checked against
 * the budget before anything reaches a provider; read, listed and cancelled.
 */
@ApplicationScoped
public class GenerationService {

    /** A generation with its shots in order. */
    public record GenerationWithShots(Generation generation, List<GenerationShot> shots) {}

    /** The project's budget this month (UTC). */
    public record MonthlyBudget(YearMonth month, BigDecimal monthly, BigDecimal committed, boolean ownBudget) {
        public BigDecimal left() {
            return monthly.subtract(committed).max(BigDecimal.ZERO);
        }
    }

    private final GenerationStore generations;
    private final BudgetStore budgets;
    private final ModelCatalog catalog;
    private final TenantScope tenancy;
    private final StudioConfig config;
    private final GenerationProviders providers;
    private final CoachBriefs coach;

    GenerationService(
            GenerationStore generations,
            BudgetStore budgets,
            ModelCatalog catalog,
            TenantScope tenancy,
            StudioConfig config,
            GenerationProviders providers,
            CoachBriefs coach) {
        this.providers = providers;
        this.coach = coach;
        this.generations = generations;
        this.budgets = budgets;
        this.catalog = catalog;
        this.tenancy = tenancy;
        this.config = config;
    }

    /**
     * Reads the source (a brief or plan from coach-service; 404 when the project has none of that id), completes the
     * draft with what the source names, then creates the generation as {@link #create(UUID, GenerationOrder)} does.
     */
    @WithSpan("GenerationService.createFrom")
    public Uni<GenerationWithShots> create(
            @SpanAttribute("project.id") UUID projectId, GenerationSource source, GenerationDraft draft) {
        return material(projectId, source).chain(material -> create(projectId, draft.order(material)));
    }

    private Uni<SourceMaterial> material(UUID projectId, GenerationSource source) {
        return switch (source) {
            case GenerationSource.FreePrompt prompt -> Uni.createFrom().item(SourceMaterial.ofPrompt(prompt.prompt()));
            case GenerationSource.FromBrief fromBrief ->
                briefOf(projectId, fromBrief.briefId())
                        .map(brief -> SourceMaterial.ofBrief(fromBrief.briefId(), brief));
            case GenerationSource.FromPlan fromPlan ->
                coach.plan(projectId, fromPlan.planId())
                        .map(plan -> plan.orElseThrow(() -> DomainError.NotFound.coded(
                                "plan_not_found",
                                "derivative plan " + fromPlan.planId() + " does not exist in this project")))
                        .chain(plan -> (plan.briefId() == null
                                        ? Uni.createFrom().item(Optional.<SourceBrief>empty())
                                        : briefOf(projectId, plan.briefId()).map(Optional::of))
                                .map(brief -> SourceMaterial.ofPlan(fromPlan.planId(), plan, brief)));
        };
    }

    private Uni<SourceBrief> briefOf(UUID projectId, UUID briefId) {
        return coach.brief(projectId, briefId)
                .map(brief -> brief.orElseThrow(() -> DomainError.NotFound.coded(
                        "brief_not_found", "creative brief " + briefId + " does not exist in this project")));
    }

    /**
     * Plans the order into shots and chooses each shot's model within what the budget allows (the order's own cap,
     * and what the project's month has left), then stores it queued. Refused, with nothing stored, when a shot has no
     * model ({@code no_model_fits}) or the budget cannot pay even the cheapest plan ({@code budget_exceeded}).
     */
    @WithSpan("GenerationService.create")
    public Uni<GenerationWithShots> create(@SpanAttribute("project.id") UUID projectId, GenerationOrder order) {
        List<Shot> shots = ShotPlanner.plan(
                order.direction(), order.format(), order.aspectRatio(), order.seconds(), order.style());
        return tenancy.transaction(
                projectId,
                () -> budgets.lock(projectId).chain(() -> budget(projectId)).chain(month -> {
                    BigDecimal available =
                            order.cap() == null ? month.left() : order.cap().min(month.left());
                    List<ModelChoice.Pick> picks =
                            catalog.choiceAmong(providers.configured()).plan(shots, order.aspectRatio(), available);
                    refuseUnavailable(picks, order, month);
                    return store(projectId, order, shots, picks);
                }));
    }

    private static void refuseUnavailable(List<ModelChoice.Pick> picks, GenerationOrder order, MonthlyBudget month) {
        for (int i = 0; i < picks.size(); i++) {
            if (picks.get(i) instanceof ModelChoice.Unavailable unavailable) {
                String detail = "shot " + i + ": " + unavailable.reason();
                if (unavailable.code().equals("no_model_fits")) {
                    throw new StudioErrors.NoModelFits(detail);
                }
                throw new StudioErrors.BudgetExceeded(String.format(
                        java.util.Locale.ROOT,
                        "%s (this month: $%s of $%s left%s)",
                        detail,
                        money(month.left()),
                        money(month.monthly()),
                        order.cap() == null ? "" : "; this generation's cap: $" + money(order.cap())));
            }
        }
    }

    private Uni<GenerationWithShots> store(
            UUID projectId, GenerationOrder order, List<Shot> shots, List<ModelChoice.Pick> picks) {
        Instant now = Instant.now();
        Generation generation = new Generation();
        generation.projectId = projectId;
        generation.id = UUID.randomUUID();
        generation.status = GenerationStatus.QUEUED;
        generation.sourceType = order.sourceType();
        generation.sourceId = order.sourceId();
        generation.prompt = order.prompt();
        generation.format = order.format();
        generation.platforms = String.join(",", order.platforms());
        generation.aspectRatio = order.aspectRatio();
        generation.lengthSeconds = BigDecimal.valueOf(order.seconds());
        generation.style = order.style();
        generation.budgetCap = order.cap();
        generation.autoPost = order.autoPost();
        generation.actualCost = BigDecimal.ZERO;
        generation.createdAt = now;
        generation.updatedAt = now;
        generation.fireAt = now;
        List<GenerationShot> rows = new ArrayList<>();
        BigDecimal estimate = BigDecimal.ZERO;
        for (int i = 0; i < shots.size(); i++) {
            ModelChoice.Chosen chosen = (ModelChoice.Chosen) picks.get(i);
            GenerationShot row = shotRow(projectId, generation.id, shots.get(i), now);
            row.choose(chosen, now);
            estimate = estimate.add(chosen.cost());
            rows.add(row);
        }
        generation.estimatedCost = estimate;
        return generations
                .persist(generation)
                .chain(() -> generations.persistShots(rows))
                .map(ignored -> new GenerationWithShots(generation, rows));
    }

    private static GenerationShot shotRow(UUID projectId, UUID generationId, Shot shot, Instant now) {
        GenerationShot row = new GenerationShot();
        row.projectId = projectId;
        row.id = UUID.randomUUID();
        row.generationId = generationId;
        row.index = shot.index();
        row.seconds = BigDecimal.valueOf(shot.seconds());
        row.medium = shot.medium().wire();
        row.visualDirection = shot.visualDirection();
        row.onScreenText = shot.onScreenText();
        row.prompt = shot.prompt();
        row.status = ShotStatus.PENDING;
        row.updatedAt = now;
        return row;
    }

    @WithSpan("GenerationService.get")
    public Uni<GenerationWithShots> get(@SpanAttribute("project.id") UUID projectId, UUID id) {
        return tenancy.transaction(
                projectId,
                () -> found(id)
                        .chain(generation ->
                                generations.shots(id).map(shots -> new GenerationWithShots(generation, shots))));
    }

    /** A page of the project's generations, newest first, each with its shots. */
    @WithSpan("GenerationService.page")
    public Uni<List<GenerationWithShots>> page(
            @SpanAttribute("project.id") UUID projectId,
            Optional<GenerationStatus> status,
            Optional<Instant> afterAt,
            Optional<UUID> afterId,
            int limit) {
        return tenancy.transaction(
                projectId,
                () -> generations
                        .page(status, afterAt, afterId, limit)
                        .chain(page -> generations
                                .shotsOf(page.stream().map(g -> g.id).toList())
                                .map(shots -> {
                                    Map<UUID, List<GenerationShot>> byGeneration =
                                            shots.stream().collect(Collectors.groupingBy(s -> s.generationId));
                                    return page.stream()
                                            .map(g -> new GenerationWithShots(
                                                    g, byGeneration.getOrDefault(g.id, List.of())))
                                            .toList();
                                })));
    }

    /**
     * Stops the generation and its unfinished shots; one that already ended is left as it is. Provider jobs already
     * submitted are cancelled at the provider by the worker, which stops polling them.
     */
    @WithSpan("GenerationService.cancel")
    public Uni<GenerationWithShots> cancel(@SpanAttribute("project.id") UUID projectId, UUID id) {
        Instant now = Instant.now();
        return tenancy.transaction(
                projectId,
                () -> found(id)
                        .chain(generation -> generations.shots(id).map(shots -> {
                            if (!generation.cancel(now)) {
                                return Uni.createFrom().item(new GenerationWithShots(generation, shots));
                            }
                            shots.stream()
                                    .filter(s -> s.status.open())
                                    .forEach(s -> s.moveTo(ShotStatus.CANCELLED, now));
                            generation.actualCost = Generation.costOf(shots);
                            return generations
                                    .dueNow(projectId, id)
                                    .map(ignored -> new GenerationWithShots(generation, shots));
                        }))
                        .chain(done -> done));
    }

    @WithSpan("GenerationService.budget")
    public Uni<MonthlyBudget> monthlyBudget(@SpanAttribute("project.id") UUID projectId) {
        return tenancy.transaction(projectId, () -> budget(projectId));
    }

    @WithSpan("GenerationService.setBudget")
    public Uni<MonthlyBudget> setMonthlyBudget(@SpanAttribute("project.id") UUID projectId, BigDecimal usd) {
        return tenancy.transaction(
                projectId,
                () -> budgets.lock(projectId)
                        .chain(() ->
                                budgets.setMonthly(projectId, usd.setScale(4, RoundingMode.HALF_UP), Instant.now()))
                        .chain(() -> budget(projectId)));
    }

    public ModelCatalog catalog() {
        return catalog;
    }

    /** The project's budget this month; call inside a transaction bound to the project. */
    Uni<MonthlyBudget> budget(UUID projectId) {
        YearMonth month = YearMonth.now(ZoneOffset.UTC);
        Instant since = month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        return budgets.monthly(projectId)
                .chain(own -> budgets.committedSince(since)
                        .map(committed -> new MonthlyBudget(
                                month, own.orElse(config.defaultMonthlyBudget()), committed, own.isPresent())));
    }

    private Uni<Generation> found(UUID id) {
        return generations
                .findById(id)
                .map(Optional::ofNullable)
                .map(found -> found.orElseThrow(() -> StudioErrors.generationNotFound(id)));
    }

    private static String money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
