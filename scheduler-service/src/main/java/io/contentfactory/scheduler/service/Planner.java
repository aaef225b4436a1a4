package io.contentfactory.scheduler.service;

import io.contentfactory.contracts.events.MediaAnalyzed;
import io.contentfactory.contracts.events.Platform;
import io.contentfactory.contracts.events.PostFormat;
import io.contentfactory.contracts.events.PostScheduled;
import io.contentfactory.kit.outbox.Outbox;
import io.contentfactory.scheduler.config.SchedulerConfig;
import io.contentfactory.scheduler.domain.Post;
import io.contentfactory.scheduler.domain.PostTarget;
import io.contentfactory.scheduler.domain.ScheduleSettings;
import io.contentfactory.scheduler.domain.Served;
import io.contentfactory.scheduler.domain.TargetStatus;
import io.contentfactory.scheduler.domain.planning.LearnedSlots;
import io.contentfactory.scheduler.domain.planning.PlanningPolicy;
import io.contentfactory.scheduler.domain.planning.QueuePlanner;
import io.contentfactory.scheduler.persistence.LearnedSlotsStore;
import io.contentfactory.scheduler.persistence.MediaCatalogStore;
import io.contentfactory.scheduler.persistence.PostStore;
import io.contentfactory.scheduler.persistence.PostTargetStore;
import io.contentfactory.scheduler.persistence.PostTargetStore.QueueKey;
import io.opentelemetry.instrumentation.annotations.SpanAttribute;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Keeps queues planned: waiting targets get free slots by {@link QueuePlanner}, under the project's settings. Slots
 * already taken (explicit, planned, due, done) never move. Runs when media is analysed, when a post without a time
 * arrives, when settings change, and periodically for targets that waited beyond the horizon.
 */
@ApplicationScoped
public class Planner {

    private final PostStore posts;
    private final PostTargetStore targets;
    private final MediaCatalogStore catalog;
    private final SettingsService settings;
    private final Outbox outbox;
    private final SchedulerConfig config;
    private final LearnedSlotsStore learnedSlots;

    Planner(
            PostStore posts,
            PostTargetStore targets,
            MediaCatalogStore catalog,
            SettingsService settings,
            Outbox outbox,
            SchedulerConfig config,
            LearnedSlotsStore learnedSlots) {
        this.learnedSlots = learnedSlots;
        this.posts = posts;
        this.targets = targets;
        this.catalog = catalog;
        this.settings = settings;
        this.outbox = outbox;
        this.config = config;
    }

    /**
     * Records analysed media and queues a post of it for each of the project's automatic accounts, once per media
     * item: a re-analysis updates the catalog only. Call inside a transaction bound to {@code projectId}.
     */
    @WithSpan("Planner.mediaAnalyzed")
    public Uni<Void> mediaAnalyzed(@SpanAttribute("project.id") UUID projectId, MediaAnalyzed media) {
        String clientRef = "media:" + media.mediaId();
        return catalog.record(projectId, media)
                .chain(() -> posts.findByClientRef(projectId, clientRef))
                .chain(existing -> existing != null
                        ? Uni.createFrom().voidItem()
                        : settings.of(projectId)
                                .chain(current -> queueForAccounts(projectId, clientRef, media, current)));
    }

    private Uni<Void> queueForAccounts(
            UUID projectId, String clientRef, MediaAnalyzed media, ScheduleSettings current) {
        List<Map.Entry<ScheduleSettings.AutoTarget, PostFormat>> accounts = current.autoTargets().stream()
                .flatMap(
                        target -> target.formatFor(media.mediaType()).map(format -> Map.entry(target, format)).stream())
                .toList();
        if (accounts.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Post post = new Post();
        post.projectId = projectId;
        post.id = UUID.randomUUID();
        post.clientRef = clientRef;
        post.mediaId = media.mediaId();
        post.mediaIds = media.mediaId().toString();
        post.mode = "auto";
        post.reviewStatus = "approved";
        post.captionBody = media.captionSuggestion() == null ? "" : media.captionSuggestion();
        post.hashtags = String.join(" ", media.hashtags());
        post.createdAt = Instant.now();
        post.updatedAt = post.createdAt;
        return posts.persist(post)
                .chain(() -> Multi.createFrom()
                        .iterable(accounts)
                        .onItem()
                        .transformToUniAndConcatenate(account -> {
                            PostTarget target = PostTarget.queued(
                                    post,
                                    account.getKey().platform(),
                                    account.getKey().accountId(),
                                    account.getValue());
                            target.mediaId = media.mediaId();
                            target.mediaType = media.mediaType().name().toLowerCase(Locale.ROOT);
                            Served served = Served.to(
                                    target.platform,
                                    target.mediaType,
                                    media.contentUrl(),
                                    media.contentType(),
                                    media.jpegUrl());
                            target.mediaUrl = served.url();
                            target.contentType = served.contentType();
                            return targets.persist(target);
                        })
                        .collect()
                        .asList())
                .chain(queued -> replanAll(
                        projectId,
                        queued.stream()
                                .map(t -> new QueueKey(projectId, t.platform, t.accountId))
                                .distinct()
                                .toList()));
    }

    /** Plans each queue in turn. Call inside a transaction bound to the queues' project. */
    @WithSpan("Planner.replanAll")
    public Uni<Void> replanAll(@SpanAttribute("project.id") UUID projectId, List<QueueKey> queues) {
        return Multi.createFrom()
                .iterable(queues)
                .onItem()
                .transformToUniAndConcatenate(this::replan)
                .collect()
                .last()
                .replaceWithVoid();
    }

    /** The project's queues with waiting targets, each planned. Call inside a transaction bound to the project. */
    @WithSpan("Planner.replanWaiting")
    public Uni<Void> replanWaiting(@SpanAttribute("project.id") UUID projectId) {
        return targets.queuesWaiting(projectId).chain(queues -> replanAll(projectId, queues));
    }

    /**
     * Gives the queue's waiting targets free slots. Locks the queue until the transaction ends, so that concurrent
     * planning of one queue (another instance, a periodic run) takes turns and sees the other's result.
     */
    @WithSpan("Planner.replan")
    public Uni<Void> replan(QueueKey queue) {
        UUID projectId = queue.projectId();
        Platform platform = Platform.valueOf(queue.platform().toUpperCase(Locale.ROOT));
        Instant earliest = Instant.now().plus(config.firstSlotLead());
        return targets.lockQueue(projectId, queue.platform(), queue.accountId())
                .chain(() -> targets.waiting(projectId, queue.platform(), queue.accountId()))
                .chain(waiting -> waiting.isEmpty()
                        ? Uni.createFrom().voidItem()
                        : policy(projectId, platform, queue)
                                .chain(policy -> targets.occupied(
                                                projectId,
                                                queue.platform(),
                                                queue.accountId(),
                                                earliest.minus(policy.maxGap()))
                                        .chain(occupied -> postsPerDay(projectId, queue.platform(), policy, earliest)
                                                .map(perDay -> QueuePlanner.plan(
                                                        policy,
                                                        new QueuePlanner.Queue(
                                                                earliest,
                                                                occupied,
                                                                perDay,
                                                                waiting.stream()
                                                                        .map(w -> new QueuePlanner.Candidate(
                                                                                w.targetId(), w.score(), w.queuedAt()))
                                                                        .toList()))))
                                        .chain(placements -> place(projectId, placements, policy))));
    }

    /** The queue's policy under the project's settings, with the account's learned hours when it has them. */
    private Uni<PlanningPolicy> policy(UUID projectId, Platform platform, QueueKey queue) {
        return settings.of(projectId).chain(current -> {
            PlanningPolicy policy = current.policyFor(platform, config);
            return learnedSlots
                    .of(queue.platform(), queue.accountId())
                    .map(hours -> hours.map(found -> policy.withLearned(
                                    new LearnedSlots(found.version(), found.mean(), found.sd(), config.exploreShare())))
                            .orElse(policy));
        });
    }

    private Uni<Map<LocalDate, Integer>> postsPerDay(
            UUID projectId, String platform, PlanningPolicy policy, Instant earliest) {
        Duration margin = Duration.ofDays(2);
        return targets.platformSlots(
                        projectId,
                        platform,
                        earliest.minus(margin),
                        earliest.plus(policy.horizon()).plus(margin))
                .map(slots -> {
                    Map<LocalDate, Integer> perDay = new HashMap<>();
                    slots.forEach(slot -> perDay.merge(LocalDate.ofInstant(slot, policy.zone()), 1, Integer::sum));
                    return perDay;
                });
    }

    /** Gives the targets their slots, with why each was chosen when the policy plans with learned hours. */
    private Uni<Void> place(UUID projectId, List<QueuePlanner.Placement> placements, PlanningPolicy policy) {
        if (placements.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Map<UUID, QueuePlanner.Placement> byTarget =
                placements.stream().collect(Collectors.toMap(QueuePlanner.Placement::targetId, Function.identity()));
        return targets.findAll(projectId, byTarget.keySet())
                .chain(found -> {
                    found.forEach(target -> {
                        target.moveTo(TargetStatus.PLANNED);
                        QueuePlanner.Placement placement = byTarget.get(target.id);
                        target.scheduledAt = placement.slot();
                        target.fireAt = target.scheduledAt;
                        target.slotChoice = placement.choice() == null
                                ? null
                                : placement.choice().wire();
                        target.modelVersion = placement.choice() == null
                                ? null
                                : policy.learned().version();
                    });
                    return posts.findAll(
                                    projectId,
                                    found.stream().map(t -> t.postId).distinct().toList())
                            .map(all -> all.stream().collect(Collectors.toMap(p -> p.id, Function.identity())))
                            .chain(byId -> Multi.createFrom()
                                    .iterable(found)
                                    .onItem()
                                    .transformToUniAndConcatenate(target ->
                                            outbox.record(projectId, scheduled(target, byId.get(target.postId))))
                                    .collect()
                                    .last());
                })
                .replaceWithVoid();
    }

    static PostScheduled scheduled(PostTarget target, Post post) {
        return new PostScheduled(
                post.id,
                target.id,
                target.mediaId,
                Platform.valueOf(target.platform.toUpperCase(Locale.ROOT)),
                target.accountId,
                PostFormat.valueOf(target.format.toUpperCase(Locale.ROOT)),
                target.scheduledAt,
                post.mode,
                post.clientRef);
    }

    /**
     * Stores new settings and re-plans every slot the planner chose that has not fired, under them. Explicit, due
     * and finished targets keep their time. Call inside a transaction bound to {@code projectId}.
     */
    @WithSpan("Planner.applySettings")
    public Uni<ScheduleSettings> applySettings(@SpanAttribute("project.id") UUID projectId, ScheduleSettings updated) {
        return settings.save(projectId, updated)
                .chain(() -> targets.requeuePlanned(projectId))
                .chain(() -> replanWaiting(projectId))
                .replaceWith(updated);
    }
}
