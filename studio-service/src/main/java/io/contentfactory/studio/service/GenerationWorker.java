package io.contentfactory.studio.service;

import io.contentfactory.contracts.EventCodec;
import io.contentfactory.contracts.events.GenerationError;
import io.contentfactory.kit.tenancy.TenantScope;
import io.contentfactory.kit.timer.TimerClaim;
import io.contentfactory.kit.timer.TimerLoop;
import io.contentfactory.kit.timer.TimerLoops;
import io.contentfactory.studio.clients.GenerationProvider;
import io.contentfactory.studio.clients.GenerationProviders;
import io.contentfactory.studio.clients.JobProgress;
import io.contentfactory.studio.clients.ProviderFailure;
import io.contentfactory.studio.clients.ProviderJob;
import io.contentfactory.studio.config.StudioConfig;
import io.contentfactory.studio.domain.Generation;
import io.contentfactory.studio.domain.GenerationModel;
import io.contentfactory.studio.domain.GenerationShot;
import io.contentfactory.studio.domain.GenerationStatus;
import io.contentfactory.studio.domain.ModelCatalog;
import io.contentfactory.studio.domain.ModelChoice;
import io.contentfactory.studio.domain.ModelProvider;
import io.contentfactory.studio.domain.ShotStatus;
import io.contentfactory.studio.persistence.GenerationStore;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Takes each generation from queued to made. A generation is a timer row: the instance whose claim holds it advances
 * it one round at a time, and gives it back due again after the poll interval while its shots are with the providers.
 *
 * <p>A round submits the pending shots and asks after the submitted ones. A shot is recorded {@code submitting}, and
 * committed, before its provider is called, and the provider's request id is committed as soon as it answers: a
 * restart or another instance therefore polls that id and never sends the shot again. A shot found
 * {@code submitting} (its call's outcome lost in a crash), or whose submission went unanswered, may have a job nobody
 * knows the id of; it fails rather than risk paying twice. A failed attempt is retried on the same model while it may
 * pass, then on the next model that fits the shot and the budget ({@link ModelChoice}, the tried models left out); the
 * generation fails when a shot has no model left. Once every shot is made, {@link PostAssembler} puts them together
 * and hands the result to ingest-service. A cancelled generation's provider jobs are cancelled at the provider.
 */
@Startup
@ApplicationScoped
public class GenerationWorker {

    private static final Logger LOG = Logger.getLogger(GenerationWorker.class);

    private final GenerationStore generations;
    private final GenerationService service;
    private final GenerationProviders providers;
    private final ModelCatalog catalog;
    private final PostAssembler assembler;
    private final TenantScope tenancy;
    private final StudioConfig.Worker config;
    private final TimerLoop loop;

    GenerationWorker(
            TimerLoops loops,
            GenerationStore generations,
            GenerationService service,
            GenerationProviders providers,
            ModelCatalog catalog,
            PostAssembler assembler,
            TenantScope tenancy,
            StudioConfig config) {
        this.generations = generations;
        this.service = service;
        this.providers = providers;
        this.catalog = catalog;
        this.assembler = assembler;
        this.tenancy = tenancy;
        this.config = config.worker();
        this.loop = loops.start(
                "studio",
                "generations",
                this.config.lease(),
                this.config.maxSleep(),
                this.config.maxInFlight(),
                this.config.maxInFlight(),
                this::advance);
    }

    /** A generation and its shots as one round found them. */
    record Round(Generation generation, List<GenerationShot> shots) {}

    /** Thrown inside a round's transaction when its claim no longer holds the generation: the round stops there. */
    static final class LeaseLost extends RuntimeException {
        LeaseLost(TimerClaim claim) {
            super("the lease on " + claim + " was lost", null, false, false);
        }
    }

    @WithSpan("GenerationWorker.advance")
    Uni<Void> advance(TimerClaim claim) {
        return read(claim)
                .chain(round -> switch (round.generation().status) {
                    case QUEUED -> start(claim).chain(() -> advance(claim));
                    case GENERATING -> generate(claim, round);
                    case ASSEMBLING -> assembler.assemble(claim, round, loop.timer());
                    case CANCELLED -> cancelAtProviders(claim, round);
                    case COMPLETED, FAILED ->
                        loop.timer().fireWith(claim, () -> Uni.createFrom().voidItem());
                })
                .onFailure(LeaseLost.class)
                .recoverWithUni(lost -> {
                    LOG.infof("%s; its new owner goes on with it", lost.getMessage());
                    return Uni.createFrom().voidItem();
                });
    }

    private Uni<Round> read(TimerClaim claim) {
        return inClaim(
                claim,
                () -> generations
                        .findById(claim.id())
                        .chain(generation -> generations.shots(claim.id()).map(shots -> new Round(generation, shots))));
    }

    private Uni<Void> start(TimerClaim claim) {
        return inClaim(claim, () -> generations.findById(claim.id()).invoke(g -> g.start(Instant.now())))
                .replaceWithVoid();
    }

    /** One round of the shots: each pending one submitted, each submitted one asked after; then what follows. */
    private Uni<Void> generate(TimerClaim claim, Round round) {
        return Multi.createFrom()
                .iterable(round.shots())
                .onItem()
                .transformToUniAndConcatenate(shot -> step(claim, round.generation(), shot))
                .collect()
                .asList()
                .chain(() -> read(claim))
                .chain(after -> next(claim, after));
    }

    private Uni<Void> step(TimerClaim claim, Generation generation, GenerationShot shot) {
        return switch (shot.status) {
            case PENDING -> submit(claim, generation, shot);
            case SUBMITTING -> failShot(claim, shot, submissionUnknown(shot, "the service stopped during the call"));
            case SUBMITTED -> poll(claim, shot);
            case SUCCEEDED, FAILED, CANCELLED -> Uni.createFrom().voidItem();
        };
    }

    private Uni<Void> submit(TimerClaim claim, Generation generation, GenerationShot shot) {
        GenerationProvider provider = providerOf(shot);
        if (provider == null) {
            return attemptFailed(claim, shot.id, notConfigured(shot));
        }
        GenerationModel model = catalog.byId(shot.modelId).orElse(null);
        if (model == null) {
            return attemptFailed(claim, shot.id, notInCatalog(shot));
        }
        ProviderJob job = new ProviderJob(
                model.id(),
                model.kind(),
                shot.prompt,
                generation.aspectRatio,
                model.kind().makesVideo()
                        ? model.clipSeconds(shot.seconds.doubleValue()).orElse(null)
                        : null);
        return onShot(claim, shot.id, row -> row.submitting(Instant.now()))
                .chain(() -> provider.submit(job))
                .chain(submission -> onShot(claim, shot.id, row -> {
                    Instant now = Instant.now();
                    row.submitted(submission.requestId(), now);
                    if (row.status == ShotStatus.SUBMITTED) {
                        submission.madeAtOnce().ifPresent(done -> row.succeeded(done.outputUrl(), done.seed(), now));
                    }
                }))
                .onFailure(ProviderFailure.class)
                .recoverWithUni(failure -> {
                    ProviderFailure refused = (ProviderFailure) failure;
                    return refused.jobMayExist()
                            ? failShot(
                                    claim,
                                    shot,
                                    submissionUnknown(shot, refused.error().message()))
                            : attemptFailed(claim, shot.id, refused.error());
                });
    }

    private Uni<Void> poll(TimerClaim claim, GenerationShot shot) {
        GenerationProvider provider = providerOf(shot);
        if (provider == null) {
            return attemptFailed(claim, shot.id, notConfigured(shot));
        }
        return provider.progress(shot.modelId, shot.providerRequestId)
                .chain(progress -> switch (progress) {
                    case JobProgress.Done done ->
                        onShot(claim, shot.id, row -> row.succeeded(done.outputUrl(), done.seed(), Instant.now()));
                    case JobProgress.Failed failed -> attemptFailed(claim, shot.id, failed.error());
                    case JobProgress.Waiting waiting ->
                        timedOut(shot)
                                ? giveUpWaiting(claim, shot, provider)
                                : Uni.createFrom().voidItem();
                })
                .onFailure(ProviderFailure.class)
                .recoverWithUni(failure -> {
                    GenerationError error = ((ProviderFailure) failure).error();
                    if (error.retryable()) {
                        LOG.debugf(
                                "shot %s: asking %s failed (%s); asked again next round",
                                shot.id, shot.provider, error.code());
                        return Uni.createFrom().voidItem();
                    }
                    return attemptFailed(claim, shot.id, error);
                });
    }

    private boolean timedOut(GenerationShot shot) {
        return shot.updatedAt.plus(config.shotTimeout()).isBefore(Instant.now());
    }

    /** A job that took longer than the shot timeout: cancelled at the provider where it can be, and the shot moves on. */
    private Uni<Void> giveUpWaiting(TimerClaim claim, GenerationShot shot, GenerationProvider provider) {
        GenerationError error = new GenerationError(
                "provider_timeout",
                shot.provider + " did not finish the job within " + config.shotTimeout(),
                "poll",
                true,
                Map.of("provider", shot.provider, "requestId", shot.providerRequestId));
        return provider.cancel(shot.modelId, shot.providerRequestId)
                .onFailure()
                .recoverWithItem(false)
                .chain(() -> attemptFailed(claim, shot.id, error));
    }

    /**
     * A failed attempt: pending again on the same model while it may pass, else on the next model that fits the shot
     * and what the budget has left; with none left, the shot fails.
     */
    private Uni<Void> attemptFailed(TimerClaim claim, java.util.UUID shotId, GenerationError error) {
        String errorJson = json(error);
        return inClaim(
                        claim,
                        () -> generations
                                .findById(claim.id())
                                .chain(current -> generations.shots(claim.id()).chain(shots -> {
                                    GenerationShot row = shots.stream()
                                            .filter(s -> s.id.equals(shotId))
                                            .findFirst()
                                            .orElseThrow();
                                    LOG.warnf(
                                            "shot %s of generation %s: %s on %s: %s",
                                            row.index, claim.id(), error.code(), row.modelId, error.message());
                                    Instant now = Instant.now();
                                    if (row.attemptFailed(error.retryable(), errorJson, config.attemptsPerModel(), now)
                                            == GenerationShot.AfterFailure.SAME_MODEL) {
                                        return Uni.createFrom().voidItem();
                                    }
                                    return service.budget(claim.projectId()).map(month -> {
                                        Set<String> tried = new HashSet<>(row.tried());
                                        tried.add(row.modelId);
                                        BigDecimal remaining = spendable(current, shots, row, month.left());
                                        ModelChoice.Pick next = catalog.choiceAmong(providers.configured())
                                                .choose(
                                                        row.plan(),
                                                        current.aspectRatio,
                                                        remaining,
                                                        BigDecimal.ZERO,
                                                        tried);
                                        if (next instanceof ModelChoice.Chosen chosen) {
                                            LOG.infof(
                                                    "shot %s of generation %s moves on to %s",
                                                    row.index,
                                                    claim.id(),
                                                    chosen.model().id());
                                            row.moveOn(chosen, now);
                                            current.estimatedCost = shots.stream()
                                                    .map(s -> s.estimatedCost)
                                                    .reduce(BigDecimal.ZERO, BigDecimal::add);
                                        } else {
                                            row.giveUp(now);
                                        }
                                        return null;
                                    });
                                })))
                .replaceWithVoid();
    }

    /**
     * What the shot may cost on its next model: its current estimate plus what the month has left (its estimate is
     * already counted there), and within the generation's cap less what the other shots are estimated at.
     */
    private static BigDecimal spendable(
            Generation generation, List<GenerationShot> shots, GenerationShot shot, BigDecimal monthLeft) {
        BigDecimal own = shot.estimatedCost == null ? BigDecimal.ZERO : shot.estimatedCost;
        BigDecimal fromMonth = monthLeft.add(own);
        if (generation.budgetCap == null) {
            return fromMonth;
        }
        BigDecimal others = shots.stream()
                .filter(s -> !s.id.equals(shot.id))
                .map(s -> s.cost != null ? s.cost : s.estimatedCost == null ? BigDecimal.ZERO : s.estimatedCost)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return fromMonth.min(generation.budgetCap.subtract(others));
    }

    /** A shot that may have a job nobody knows the id of: it fails, and is never sent again. */
    private Uni<Void> failShot(TimerClaim claim, GenerationShot shot, GenerationError error) {
        LOG.warnf("shot %s of generation %s: %s", shot.index, claim.id(), error.message());
        return onShot(claim, shot.id, row -> {
            row.errorJson = json(error);
            row.moveTo(ShotStatus.FAILED, Instant.now());
        });
    }

    /** After a round: failed if a shot failed, on to assembly once every shot is made, else due again shortly. */
    private Uni<Void> next(TimerClaim claim, Round round) {
        List<GenerationShot> shots = round.shots();
        if (round.generation().status != GenerationStatus.GENERATING) {
            return advance(claim);
        }
        GenerationShot failed = shots.stream()
                .filter(s -> s.status == ShotStatus.FAILED)
                .findFirst()
                .orElse(null);
        if (failed != null) {
            return loop.timer().fireWith(claim, () -> assembler.failed(claim, shotFailure(failed)));
        }
        if (shots.stream().allMatch(s -> s.status == ShotStatus.SUCCEEDED)) {
            return inClaim(claim, () -> generations.findById(claim.id()).invoke(g -> g.assemble(Instant.now())))
                    .chain(() -> advance(claim));
        }
        return loop.timer()
                .postpone(claim, Instant.now().plus(config.pollInterval()))
                .replaceWithVoid();
    }

    private static GenerationError shotFailure(GenerationShot failed) {
        String last = failed.errorJson == null ? "{}" : failed.errorJson;
        return new GenerationError(
                "shot_failed",
                "shot " + failed.index + " could not be made by any model that fits it",
                "generate",
                false,
                Map.of(
                        "shot",
                        failed.index,
                        "triedModels",
                        failed.tried(),
                        "lastError",
                        EventCodec.mapper().convertValue(parse(last), Map.class)));
    }

    private Uni<Void> cancelAtProviders(TimerClaim claim, Round round) {
        return Multi.createFrom()
                .iterable(round.shots())
                .filter(s -> s.providerRequestId != null && !s.providerCancelled && s.status == ShotStatus.CANCELLED)
                .onItem()
                .transformToUniAndConcatenate(shot -> {
                    GenerationProvider provider = providerOf(shot);
                    Uni<Boolean> asked = provider == null
                            ? Uni.createFrom().item(false)
                            : provider.cancel(shot.modelId, shot.providerRequestId)
                                    .onFailure()
                                    .recoverWithItem(false);
                    return asked.chain(stopped -> onShot(claim, shot.id, row -> row.providerCancelled = true));
                })
                .collect()
                .asList()
                .chain(() -> loop.timer().fireWith(claim, () -> Uni.createFrom().voidItem()));
    }

    private GenerationProvider providerOf(GenerationShot shot) {
        return providers.of(ModelProvider.fromWire(shot.provider)).orElse(null);
    }

    private Uni<Void> onShot(
            TimerClaim claim, java.util.UUID shotId, java.util.function.Consumer<GenerationShot> change) {
        return inClaim(
                        claim,
                        () -> generations
                                .shots(claim.id())
                                .invoke(shots -> shots.stream()
                                        .filter(s -> s.id.equals(shotId))
                                        .findFirst()
                                        .ifPresent(change)))
                .replaceWithVoid();
    }

    /** {@code work} in a transaction bound to the claim's project, if the claim still holds the generation. */
    <T> Uni<T> inClaim(TimerClaim claim, Supplier<Uni<T>> work) {
        return Panache.withTransaction(() -> tenancy.bind(claim.projectId())
                .chain(() -> generations.holdsLease(claim))
                .chain(held -> {
                    if (!held) {
                        throw new LeaseLost(claim);
                    }
                    return work.get();
                }));
    }

    private static GenerationError submissionUnknown(GenerationShot shot, String why) {
        return new GenerationError(
                "submission_outcome_unknown",
                "whether " + shot.provider + " took the job is unknown (" + why
                        + "); the shot is not sent again, so that it is never paid twice",
                "submit",
                false,
                Map.of("provider", shot.provider, "model", shot.modelId));
    }

    private static GenerationError notConfigured(GenerationShot shot) {
        return new GenerationError(
                "provider_not_configured",
                shot.provider + " has no key here",
                "submit",
                false,
                Map.of("provider", shot.provider));
    }

    private static GenerationError notInCatalog(GenerationShot shot) {
        return new GenerationError(
                "model_not_in_catalog",
                shot.modelId + " is no longer in the catalog",
                "submit",
                false,
                Map.of("model", shot.modelId));
    }

    static String json(Object value) {
        return EventCodec.mapper().valueToTree(value).toString();
    }

    private static Object parse(String json) {
        try {
            return EventCodec.mapper().readTree(json);
        } catch (java.io.IOException e) {
            return Map.of();
        }
    }
}
