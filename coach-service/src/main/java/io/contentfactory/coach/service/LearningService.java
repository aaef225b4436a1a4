package io.contentfactory.coach.service;

import io.contentfactory.coach.clients.ConnectedAccounts;
import io.contentfactory.coach.config.CoachConfig;
import io.contentfactory.coach.domain.AccountLearner;
import io.contentfactory.coach.domain.AccountModel;
import io.contentfactory.coach.domain.ContentEffects;
import io.contentfactory.coach.domain.PooledPrior;
import io.contentfactory.coach.domain.SocialAccount;
import io.contentfactory.coach.persistence.AccountModelStore;
import io.contentfactory.coach.persistence.PostingHistoryStore;
import io.contentfactory.contracts.events.LearningFeatures;
import io.contentfactory.contracts.events.MetricsCollected;
import io.contentfactory.contracts.events.ModelUpdated;
import io.contentfactory.contracts.events.Platform;
import io.contentfactory.kit.domain.DomainError;
import io.contentfactory.kit.outbox.Outbox;
import io.contentfactory.kit.tenancy.TenantScope;
import io.opentelemetry.instrumentation.annotations.SpanAttribute;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Each account's model: a new version when enough new posts were measured at the learning checkpoint, announced with
 * {@code model.updated} unless the project pinned a version; and the pins and resets a project asks for, announced the
 * same way, so that analysis-service and scheduler-service always hold the model in force.
 */
@ApplicationScoped
public class LearningService {

    private static final Logger LOG = Logger.getLogger(LearningService.class);

    /** An account's model as the project sees it: the one in force, why, and the versions learned. */
    public record AccountModels(
            UUID connectionId,
            SocialAccount account,
            AccountModel inForce,
            String source,
            List<AccountModel> history) {}

    private final AccountModelStore models;
    private final PostingHistoryStore history;
    private final ConnectedAccounts connections;
    private final Outbox outbox;
    private final TenantScope tenancy;
    private final CoachConfig.Learning config;

    LearningService(
            AccountModelStore models,
            PostingHistoryStore history,
            ConnectedAccounts connections,
            Outbox outbox,
            TenantScope tenancy,
            CoachConfig config) {
        this.models = models;
        this.history = history;
        this.connections = connections;
        this.outbox = outbox;
        this.tenancy = tenancy;
        this.config = config.learning();
    }

    /**
     * A checkpoint was measured: at the learning checkpoint, learns the account's next version once enough new posts
     * were measured. Call inside a transaction bound to {@code projectId}.
     */
    @WithSpan("LearningService.measured")
    public Uni<Void> measured(@SpanAttribute("project.id") UUID projectId, MetricsCollected metrics) {
        if (!config.checkpoint().equals(metrics.checkpoint()) || metrics.baseline() == null) {
            return Uni.createFrom().voidItem();
        }
        return models.accountOf(metrics.targetId())
                .chain(account -> account.isEmpty() ? Uni.createFrom().voidItem() : relearn(projectId, account.get()));
    }

    private Uni<Void> relearn(UUID projectId, SocialAccount account) {
        return history.zone()
                .chain(zone -> models.measured(account, config.checkpoint(), zone, config.historyPosts())
                        .chain(posts -> models.newest(account).chain(newest -> {
                            int learnedFrom = newest.map(AccountModel::posts).orElse(0);
                            if (posts.size() < config.minPosts()
                                    || (newest.isPresent() && posts.size() - learnedFrom < config.refitEvery())) {
                                return Uni.createFrom().voidItem();
                            }
                            int version = newest.map(AccountModel::version).orElse(0) + 1;
                            return models.othersNewest(account).chain(others -> {
                                AccountModel model = AccountLearner.learn(
                                        version,
                                        posts,
                                        PooledPrior.of(others, fallbackPrior(), config.pooledPriorFloor()),
                                        config.slotPriorVariance(),
                                        config.checkpoint(),
                                        zone.getId(),
                                        Instant.now());
                                return models.record(account, projectId, model)
                                        .chain(() -> models.pinned(account))
                                        .chain(pinned -> {
                                            LOG.infof(
                                                    "learned version %d of %s account %s from %d posts%s",
                                                    version,
                                                    account.platform(),
                                                    account.accountId(),
                                                    posts.size(),
                                                    pinned.isPresent() ? " (the project pinned another)" : "");
                                            return pinned.isPresent()
                                                    ? Uni.createFrom().voidItem()
                                                    : announce(projectId, account, model, ModelUpdated.LEARNED);
                                        });
                            });
                        })));
    }

    private ContentEffects.Prior fallbackPrior() {
        double[] variance = new double[LearningFeatures.NAMES.size()];
        Arrays.fill(variance, config.contentPriorVariance());
        return new ContentEffects.Prior(new double[variance.length], variance);
    }

    /** The connection's account's model in force, and its versions, newest first. */
    @WithSpan("LearningService.of")
    public Uni<AccountModels> of(@SpanAttribute("project.id") UUID projectId, UUID connectionId) {
        return account(projectId, connectionId)
                .chain(account -> tenancy.transaction(projectId, () -> state(connectionId, account)));
    }

    /** Pins {@code version} of the connection's account's model; it stays in force until unpinned or reset. */
    @WithSpan("LearningService.pin")
    public Uni<AccountModels> pin(@SpanAttribute("project.id") UUID projectId, UUID connectionId, int version) {
        if (version < 1) {
            return Uni.createFrom()
                    .failure(new DomainError.Invalid(
                            "invalid_version", "a version to pin is 1 or more; reset the model to use the defaults"));
        }
        return account(projectId, connectionId)
                .chain(account -> tenancy.transaction(
                        projectId,
                        () -> models.version(account, version).chain(found -> {
                            AccountModel model = found.orElseThrow(() -> DomainError.NotFound.coded(
                                    "version_not_found",
                                    "connection " + connectionId + "'s account has no model version " + version));
                            return models.pin(projectId, account, Optional.of(version))
                                    .chain(() -> announce(projectId, account, model, ModelUpdated.PINNED))
                                    .chain(() -> state(connectionId, account));
                        })));
    }

    /** Puts the defaults in force for the connection's account until it is unpinned. */
    @WithSpan("LearningService.reset")
    public Uni<AccountModels> reset(@SpanAttribute("project.id") UUID projectId, UUID connectionId) {
        return account(projectId, connectionId)
                .chain(account -> tenancy.transaction(
                        projectId,
                        () -> models.pin(projectId, account, Optional.of(0))
                                .chain(() -> announce(
                                        projectId,
                                        account,
                                        AccountModel.defaults(config.checkpoint()),
                                        ModelUpdated.DEFAULTS))
                                .chain(() -> state(connectionId, account))));
    }

    /** Drops the pin or reset: the newest version (the defaults while there is none) is in force again. */
    @WithSpan("LearningService.unpin")
    public Uni<AccountModels> unpin(@SpanAttribute("project.id") UUID projectId, UUID connectionId) {
        return account(projectId, connectionId)
                .chain(account -> tenancy.transaction(
                        projectId,
                        () -> models.pin(projectId, account, Optional.empty())
                                .chain(() -> models.newest(account))
                                .chain(newest -> announce(
                                        projectId,
                                        account,
                                        newest.orElse(AccountModel.defaults(config.checkpoint())),
                                        newest.isPresent() ? ModelUpdated.LEARNED : ModelUpdated.DEFAULTS))
                                .chain(() -> state(connectionId, account))));
    }

    private Uni<SocialAccount> account(UUID projectId, UUID connectionId) {
        return connections
                .of(projectId, connectionId)
                .map(found -> found.orElseThrow(() -> new DomainError.NotFound("connection", connectionId)));
    }

    private Uni<AccountModels> state(UUID connectionId, SocialAccount account) {
        return models.pinned(account)
                .chain(pinned -> models.history(account, config.historyShown())
                        .chain(history -> inForce(account, pinned, history)
                                .map(inForce -> new AccountModels(
                                        connectionId,
                                        account,
                                        inForce,
                                        pinned.isEmpty()
                                                ? (inForce.learned() ? ModelUpdated.LEARNED : ModelUpdated.DEFAULTS)
                                                : pinned.get() == 0 ? ModelUpdated.DEFAULTS : ModelUpdated.PINNED,
                                        history))));
    }

    private Uni<AccountModel> inForce(SocialAccount account, Optional<Integer> pinned, List<AccountModel> history) {
        AccountModel defaults = AccountModel.defaults(config.checkpoint());
        if (pinned.isPresent()) {
            return pinned.get() == 0
                    ? Uni.createFrom().item(defaults)
                    : models.version(account, pinned.get()).map(found -> found.orElse(defaults));
        }
        return Uni.createFrom().item(history.isEmpty() ? defaults : history.getFirst());
    }

    private Uni<Void> announce(UUID projectId, SocialAccount account, AccountModel model, String source) {
        Platform platform = Platform.valueOf(account.platform().toUpperCase(Locale.ROOT));
        return outbox.record(projectId, model.announced(platform, account.accountId(), source))
                .replaceWithVoid();
    }
}
