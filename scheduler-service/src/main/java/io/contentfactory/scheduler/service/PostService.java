package io.contentfactory.scheduler.service;

import io.contentfactory.contracts.events.Platform;
import io.contentfactory.contracts.events.PostFormat;
import io.contentfactory.contracts.events.PostPublished;
import io.contentfactory.kit.domain.DomainError;
import io.contentfactory.kit.outbox.Outbox;
import io.contentfactory.kit.tenancy.TenantScope;
import io.contentfactory.scheduler.clients.IngestMedia;
import io.contentfactory.scheduler.domain.MediaEntry;
import io.contentfactory.scheduler.domain.Post;
import io.contentfactory.scheduler.domain.PostRequest;
import io.contentfactory.scheduler.domain.PostTarget;
import io.contentfactory.scheduler.domain.Served;
import io.contentfactory.scheduler.domain.TargetStatus;
import io.contentfactory.scheduler.persistence.MediaCatalogStore;
import io.contentfactory.scheduler.persistence.PostStore;
import io.contentfactory.scheduler.persistence.PostTargetStore;
import io.opentelemetry.instrumentation.annotations.SpanAttribute;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Posts a project drives through the API: {@code PUT /v1/posts/{clientRef}} creates or updates one, as often as the
 * project's cron likes. A post whose target has started publishing (due, publishing, published or awaiting a person)
 * no longer changes; a failed target is planned again by the next upsert. Canceling needs every target still planned.
 */
@ApplicationScoped
public class PostService {

    private final PostStore posts;
    private final PostTargetStore targets;
    private final MediaCatalogStore catalog;
    private final Planner planner;
    private final TenantScope tenancy;
    private final Dispatcher dispatcher;
    private final Outbox outbox;
    private final IngestMedia ingest;

    PostService(
            PostStore posts,
            PostTargetStore targets,
            MediaCatalogStore catalog,
            Planner planner,
            TenantScope tenancy,
            Dispatcher dispatcher,
            Outbox outbox,
            IngestMedia ingest) {
        this.ingest = ingest;
        this.outbox = outbox;
        this.posts = posts;
        this.targets = targets;
        this.catalog = catalog;
        this.planner = planner;
        this.tenancy = tenancy;
        this.dispatcher = dispatcher;
    }

    /** A post and its targets, as read back. */
    public record Snapshot(Post post, List<PostTarget> targets, boolean created) {}

    /**
     * Creates or updates the post. Media this service has not seen analysed yet is asked after at ingest-service
     * (outside any transaction): an item it has and is analysing makes the post's targets wait for it
     * ({@code waiting_for_media}); an item it does not know is refused (422 {@code media_not_found}), and so is a
     * rejected item or one whose analysis failed (422 {@code media_unusable}).
     */
    @WithSpan("PostService.upsert")
    public Uni<Snapshot> upsert(@SpanAttribute("project.id") UUID projectId, String clientRef, PostRequest request) {
        checkShape(request);
        return tenancy.transaction(projectId, () -> catalog.findAll(projectId, request.mediaIds()))
                .chain(analysed -> comingMedia(projectId, missing(request.mediaIds(), analysed)))
                .chain(coming -> tenancy.transaction(
                        projectId,
                        () -> targets.lockMediaWaits(projectId)
                                .chain(() -> catalog.findAll(projectId, request.mediaIds()))
                                .chain(media -> catalog.unusable(projectId, missing(request.mediaIds(), media))
                                        .map(unusable -> {
                                            if (!unusable.isEmpty()) {
                                                Map.Entry<UUID, String> first = unusable.entrySet()
                                                        .iterator()
                                                        .next();
                                                throw new DomainError.Unprocessable(
                                                        "media_unusable",
                                                        "media " + first.getKey() + " cannot be posted: "
                                                                + first.getValue());
                                            }
                                            return media;
                                        }))
                                .chain(media -> {
                                    Map<UUID, MediaEntry> byId = media.stream()
                                            .collect(Collectors.toMap(m -> m.mediaId, Function.identity()));
                                    List<UUID> missing = missing(request.mediaIds(), media);
                                    List<UUID> unknown = missing.stream()
                                            .filter(id -> !coming.contains(id))
                                            .toList();
                                    if (!unknown.isEmpty()) {
                                        throw new DomainError.Unprocessable(
                                                "media_not_found", "no media " + unknown + " in this project");
                                    }
                                    boolean waiting = !missing.isEmpty();
                                    return posts.findByClientRef(projectId, clientRef)
                                            .chain(existing -> existing == null
                                                    ? create(projectId, clientRef, request, byId, waiting)
                                                    : update(existing, request, byId, waiting));
                                })))
                .invoke(dispatcher::wake);
    }

    private static List<UUID> missing(List<UUID> wanted, List<MediaEntry> analysed) {
        Set<UUID> known = analysed.stream().map(m -> m.mediaId).collect(Collectors.toSet());
        return wanted.stream().filter(id -> !known.contains(id)).distinct().toList();
    }

    /** The ids among {@code missing} that ingest-service has and is analysing; an unusable one is refused at once. */
    private Uni<Set<UUID>> comingMedia(UUID projectId, List<UUID> missing) {
        if (missing.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        return Multi.createFrom()
                .iterable(missing)
                .onItem()
                .transformToUniAndConcatenate(id -> ingest.state(projectId, id).map(state -> Map.entry(id, state)))
                .collect()
                .asList()
                .onFailure()
                .transform(failure -> new DomainError.Unavailable(
                        "media_state_unavailable",
                        "could not ask ingest-service about media " + missing + "; try again"))
                .map(states -> {
                    Set<UUID> coming = new HashSet<>();
                    for (Map.Entry<UUID, IngestMedia.Known> state : states) {
                        switch (state.getValue()) {
                            case IngestMedia.Known.Coming ignored -> coming.add(state.getKey());
                            case IngestMedia.Known.Unusable unusable ->
                                throw new DomainError.Unprocessable(
                                        "media_unusable",
                                        "media " + state.getKey() + " cannot be posted: " + unusable.reason());
                            case IngestMedia.Known.Unknown ignored -> {}
                        }
                    }
                    return coming;
                });
    }

    /**
     * Targets waiting for media whose analyses have all arrived now are described and planned: at their explicit time
     * (or at once, if it has passed), else by the planner. Call inside a transaction bound to the project, after the
     * media was recorded in the catalog.
     */
    @WithSpan("PostService.releaseWaiting")
    public Uni<Void> releaseWaiting(@SpanAttribute("project.id") UUID projectId) {
        return targets.waitingForMedia(projectId).chain(waiting -> {
            if (waiting.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            List<UUID> postIds = waiting.stream().map(t -> t.postId).distinct().toList();
            return posts.findAll(projectId, postIds)
                    .chain(found -> Multi.createFrom()
                            .iterable(found)
                            .onItem()
                            .transformToUniAndConcatenate(post -> catalog.findAll(projectId, post.mediaIdList())
                                    .chain(media -> {
                                        if (!missing(post.mediaIdList(), media).isEmpty()) {
                                            return Uni.createFrom().voidItem();
                                        }
                                        MediaEntry first = media.stream()
                                                .filter(m -> m.mediaId.equals(
                                                        post.mediaIdList().get(0)))
                                                .findFirst()
                                                .orElseThrow();
                                        return Multi.createFrom()
                                                .iterable(waiting.stream()
                                                        .filter(t -> t.postId.equals(post.id))
                                                        .toList())
                                                .onItem()
                                                .transformToUniAndConcatenate(target -> arm(post, target, first))
                                                .collect()
                                                .asList()
                                                .replaceWithVoid();
                                    }))
                            .collect()
                            .asList())
                    .call(() -> planner.replanWaiting(projectId))
                    .replaceWithVoid();
        });
    }

    /** A target whose media has arrived: described, then planned at its explicit time or queued for the planner. */
    private Uni<Void> arm(Post post, PostTarget target, MediaEntry media) {
        describe(target, target.format, media);
        if (target.scheduledAt == null) {
            target.moveTo(TargetStatus.QUEUED);
            target.queuedAt = Instant.now();
            return Uni.createFrom().voidItem();
        }
        Instant at = target.scheduledAt.isBefore(Instant.now()) ? Instant.now() : target.scheduledAt;
        target.moveTo(TargetStatus.PLANNED);
        target.scheduledAt = at;
        target.fireAt = at;
        return outbox.record(post.projectId, Planner.scheduled(target, post)).replaceWithVoid();
    }

    /**
     * An item will never be analysed (its analysis failed for good, or ingest-service did not take it): every target
     * waiting for it fails with {@code code} and "media &lt;id&gt; {@code what}". Call inside a transaction bound to
     * the project.
     */
    @WithSpan("PostService.mediaFailed")
    public Uni<Void> mediaFailed(
            @SpanAttribute("project.id") UUID projectId,
            @SpanAttribute("media.id") UUID mediaId,
            String code,
            String what) {
        return targets.lockMediaWaits(projectId)
                .chain(() -> catalog.recordUnusable(projectId, mediaId, code, "media " + mediaId + " " + what))
                .chain(() -> targets.waitingForMedia(projectId))
                .chain(waiting -> {
                    List<UUID> postIds =
                            waiting.stream().map(t -> t.postId).distinct().toList();
                    if (postIds.isEmpty()) {
                        return Uni.createFrom().voidItem();
                    }
                    return posts.findAll(projectId, postIds)
                            .invoke(found -> found.stream()
                                    .filter(post -> post.mediaIdList().contains(mediaId))
                                    .forEach(post -> waiting.stream()
                                            .filter(t -> t.postId.equals(post.id))
                                            .forEach(target -> {
                                                target.moveTo(TargetStatus.FAILED);
                                                target.errorJson = io.contentfactory.contracts.EventCodec.mapper()
                                                        .valueToTree(
                                                                new io.contentfactory.contracts.events.PublishError(
                                                                        code,
                                                                        "media " + mediaId + " " + what,
                                                                        "media",
                                                                        false,
                                                                        Map.of("media_id", mediaId)))
                                                        .toString();
                                            })))
                            .replaceWithVoid();
                });
    }

    /** A post by its id or, failing that, by the project's own reference. */
    @WithSpan("PostService.get")
    public Uni<Snapshot> get(@SpanAttribute("project.id") UUID projectId, String ref) {
        return tenancy.transaction(
                projectId,
                () -> find(projectId, ref)
                        .chain(post -> targets.ofPost(projectId, post.id).map(all -> new Snapshot(post, all, false))));
    }

    private Uni<Post> find(UUID projectId, String ref) {
        Uni<Post> byId = asUuid(ref)
                .map(id -> posts.findInProject(projectId, id))
                .orElse(Uni.createFrom().nullItem());
        return byId.chain(post -> post != null ? Uni.createFrom().item(post) : posts.findByClientRef(projectId, ref))
                .invoke(post -> {
                    if (post == null) {
                        throw new DomainError.NotFound("post", ref);
                    }
                });
    }

    private static Optional<UUID> asUuid(String ref) {
        try {
            return Optional.of(UUID.fromString(ref));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Posts with a target scheduled in {@code [from, to)}, optionally in one status, by slot. */
    @WithSpan("PostService.list")
    public Uni<List<Snapshot>> list(
            @SpanAttribute("project.id") UUID projectId, Instant from, Instant to, Optional<TargetStatus> status) {
        return tenancy.transaction(
                projectId,
                () -> targets.inWindow(projectId, from, to, status).chain(found -> {
                    List<UUID> postIds =
                            found.stream().map(t -> t.postId).distinct().toList();
                    if (postIds.isEmpty()) {
                        return Uni.createFrom().item(List.<Snapshot>of());
                    }
                    return posts.findAll(projectId, postIds)
                            .chain(all -> targets.ofPosts(projectId, postIds)
                                    .map(allTargets -> postIds.stream()
                                            .map(id -> new Snapshot(
                                                    all.stream()
                                                            .filter(p -> p.id.equals(id))
                                                            .findFirst()
                                                            .orElseThrow(),
                                                    allTargets.stream()
                                                            .filter(t -> t.postId.equals(id))
                                                            .toList(),
                                                    false))
                                            .toList()));
                }));
    }

    /** Cancels every target of the post; refused once one has started. */
    @WithSpan("PostService.cancel")
    public Uni<Snapshot> cancel(@SpanAttribute("project.id") UUID projectId, String ref) {
        return tenancy.transaction(
                projectId,
                () -> find(projectId, ref).chain(post -> {
                    UUID id = post.id;
                    return targets.ofPost(projectId, id).chain(all -> {
                        refuseIfStarted(all);
                        return Multi.createFrom()
                                .iterable(all)
                                .onItem()
                                .transformToUniAndConcatenate(target -> cancelTarget(target))
                                .collect()
                                .asList()
                                .chain(() -> targets.ofPost(projectId, id))
                                .map(now -> new Snapshot(post, now, false));
                    });
                }));
    }

    /**
     * A person posted a manual target: it is published with the live link, its timer never fires, and
     * {@code post.published} goes out as for any other post. A manual post's job id is derived from its target id.
     */
    @WithSpan("PostService.markPosted")
    public Uni<Snapshot> markPosted(
            @SpanAttribute("project.id") UUID projectId,
            String ref,
            @SpanAttribute("target.id") UUID targetId,
            ManualPost posted) {
        return tenancy.transaction(
                projectId,
                () -> find(projectId, ref)
                        .chain(post -> targets.findInProject(projectId, targetId)
                                .chain(target -> {
                                    if (target == null || !target.postId.equals(post.id)) {
                                        throw new DomainError.NotFound("target", targetId);
                                    }
                                    if (!"manual".equals(post.mode)) {
                                        throw new DomainError.Conflict(
                                                "not_manual",
                                                "the post publishes automatically; only manual posts are marked posted");
                                    }
                                    if (target.status == TargetStatus.PUBLISHED) {
                                        throw new DomainError.Conflict(
                                                "already_published",
                                                "target " + targetId + " was published at " + target.publishedAt);
                                    }
                                    if (!target.status.markable()) {
                                        throw new DomainError.Conflict(
                                                "target_closed", "target " + targetId + " is " + target.status.wire());
                                    }
                                    target.moveTo(TargetStatus.PUBLISHED);
                                    target.permalink = posted.url();
                                    target.externalPostId = posted.externalPostId();
                                    target.publishedAt = posted.postedAt();
                                    return targets.markFired(projectId, targetId)
                                            .call(() -> outbox.record(
                                                    projectId,
                                                    new PostPublished(
                                                            post.id,
                                                            target.id,
                                                            target.mediaId,
                                                            PostPublished.manualJobId(target.id),
                                                            Platform.valueOf(
                                                                    target.platform.toUpperCase(java.util.Locale.ROOT)),
                                                            target.accountId,
                                                            PostFormat.valueOf(
                                                                    target.format.toUpperCase(java.util.Locale.ROOT)),
                                                            posted.externalPostId(),
                                                            posted.url(),
                                                            post.captionText(),
                                                            posted.postedAt())))
                                            .chain(() -> targets.ofPost(projectId, post.id))
                                            .map(all -> new Snapshot(post, all, false));
                                })));
    }

    /** What a person reports after posting by hand: the live link, the platform's id of the post, and when. */
    public record ManualPost(String url, String externalPostId, Instant postedAt) {}

    private Uni<Snapshot> create(
            UUID projectId, String clientRef, PostRequest request, Map<UUID, MediaEntry> media, boolean waiting) {
        Post post = new Post();
        post.projectId = projectId;
        post.id = UUID.randomUUID();
        post.clientRef = clientRef;
        post.createdAt = Instant.now();
        apply(post, request);
        return posts.persist(post)
                .chain(() -> Multi.createFrom()
                        .iterable(request.targets())
                        .onItem()
                        .transformToUniAndConcatenate(target -> newTarget(post, target, request, media, waiting))
                        .collect()
                        .asList())
                .call(() -> planner.replanWaiting(projectId))
                .chain(() -> targets.ofPost(projectId, post.id))
                .map(created -> new Snapshot(post, created, true));
    }

    private Uni<Snapshot> update(Post post, PostRequest request, Map<UUID, MediaEntry> media, boolean waiting) {
        return targets.ofPost(post.projectId, post.id).chain(current -> {
            refuseIfStarted(current);
            apply(post, request);
            List<Uni<PostTarget>> work = new ArrayList<>();
            Set<String> wanted = new HashSet<>();
            for (PostRequest.Target wish : request.targets()) {
                wanted.add(key(wish.platform().name().toLowerCase(), wish.accountId()));
                Optional<PostTarget> kept = current.stream()
                        .filter(t -> t.status != TargetStatus.CANCELED
                                && key(t.platform, t.accountId)
                                        .equals(key(wish.platform().name().toLowerCase(), wish.accountId())))
                        .findFirst();
                work.add(kept.map(target -> reopenIfFailed(target)
                                .chain(() -> waiting
                                        ? holdForMedia(target, wish, request)
                                        : reschedule(post, target, wish, request, media)))
                        .orElseGet(() -> newTarget(post, wish, request, media, waiting)));
            }
            current.stream()
                    .filter(t -> t.status.cancelable() && !wanted.contains(key(t.platform, t.accountId)))
                    .forEach(t -> work.add(cancelTarget(t).replaceWith(t)));
            return Multi.createFrom()
                    .iterable(work)
                    .onItem()
                    .transformToUniAndConcatenate(Function.identity())
                    .collect()
                    .asList()
                    .call(() -> planner.replanWaiting(post.projectId))
                    .chain(() -> targets.ofPost(post.projectId, post.id))
                    .map(now -> new Snapshot(post, now, false));
        });
    }

    /** An explicit time plans the target at once; without one it waits for the planner, which runs before the request ends. */
    private Uni<PostTarget> newTarget(
            Post post, PostRequest.Target wish, PostRequest request, Map<UUID, MediaEntry> media, boolean waiting) {
        PostTarget target = PostTarget.queued(post, wish.platform(), wish.accountId(), wish.format());
        if (waiting) {
            target.mediaId = request.mediaIds().get(0);
            target.moveTo(TargetStatus.WAITING_FOR_MEDIA);
            target.slotSource = request.scheduledAt() == null ? "planner" : "explicit";
            target.scheduledAt = request.scheduledAt();
            return targets.persist(target);
        }
        describe(
                target,
                wish.format().name().toLowerCase(),
                media.get(request.mediaIds().get(0)));
        if (request.scheduledAt() == null) {
            return targets.persist(target);
        }
        target.moveTo(TargetStatus.PLANNED);
        target.slotSource = "explicit";
        target.scheduledAt = request.scheduledAt();
        target.fireAt = request.scheduledAt();
        return targets.persist(target).call(() -> outbox.record(post.projectId, Planner.scheduled(target, post)));
    }

    /** A failed target is queued again, as if new: the planner gives it a slot unless the request names one. */
    private Uni<Void> reopenIfFailed(PostTarget target) {
        if (target.status != TargetStatus.FAILED) {
            return Uni.createFrom().voidItem();
        }
        // The same change on the loaded entity, so that flushing it does not write the failure back.
        target.moveTo(TargetStatus.QUEUED);
        target.slotSource = "planner";
        target.scheduledAt = null;
        target.fireAt = null;
        target.errorJson = null;
        target.queuedAt = Instant.now();
        return targets.reopenFailed(target.projectId, target.id);
    }

    /** A kept target of a post whose media is still being analysed: it waits (again), with the request's time. */
    private Uni<PostTarget> holdForMedia(PostTarget target, PostRequest.Target wish, PostRequest request) {
        target.format = wish.format().name().toLowerCase();
        target.mediaId = request.mediaIds().get(0);
        target.moveTo(TargetStatus.WAITING_FOR_MEDIA);
        target.slotSource = request.scheduledAt() == null ? "planner" : "explicit";
        target.scheduledAt = request.scheduledAt();
        target.fireAt = null;
        return targets.holdForMedia(target.projectId, target.id).replaceWith(target);
    }

    private Uni<PostTarget> reschedule(
            Post post, PostTarget target, PostRequest.Target wish, PostRequest request, Map<UUID, MediaEntry> media) {
        describe(
                target,
                wish.format().name().toLowerCase(),
                media.get(request.mediaIds().get(0)));
        if (request.scheduledAt() == null) {
            if (target.status == TargetStatus.WAITING_FOR_MEDIA) {
                // Its media has arrived since: the planner gives it a slot.
                target.moveTo(TargetStatus.QUEUED);
                target.slotSource = "planner";
                target.scheduledAt = null;
                target.queuedAt = Instant.now();
            }
            return Uni.createFrom().item(target);
        }
        return targets.reschedule(post.projectId, target.id, request.scheduledAt())
                .invoke(() -> {
                    // The same change on the loaded entity, so that flushing it does not write the old slot back.
                    target.moveTo(TargetStatus.PLANNED);
                    target.slotSource = "explicit";
                    target.scheduledAt = request.scheduledAt();
                    target.fireAt = request.scheduledAt();
                })
                .call(() -> outbox.record(post.projectId, Planner.scheduled(target, post)))
                .replaceWith(target);
    }

    private Uni<Void> cancelTarget(PostTarget target) {
        if (!target.status.cancelable()) {
            return Uni.createFrom().voidItem();
        }
        target.moveTo(TargetStatus.CANCELED);
        return targets.neverFire(target.projectId, target.id);
    }

    private static void describe(PostTarget target, String format, MediaEntry first) {
        target.mediaId = first.mediaId;
        target.format = format;
        target.mediaType = first.mediaType;
        Served served = first.servedTo(target.platform);
        target.mediaUrl = served.url();
        target.contentType = served.contentType();
    }

    private static void apply(Post post, PostRequest request) {
        post.mediaId = request.mediaIds().get(0);
        post.mediaIds =
                String.join(",", request.mediaIds().stream().map(UUID::toString).toList());
        post.mode = request.mode();
        post.reviewStatus = request.reviewStatus();
        post.captionBody = request.captionBody() == null ? "" : request.captionBody();
        post.captionDisclosure = request.disclosure();
        post.hashtags = String.join(" ", request.hashtags() == null ? List.of() : request.hashtags());
        post.updatedAt = Instant.now();
    }

    private static void refuseIfStarted(List<PostTarget> current) {
        current.stream().filter(t -> t.status.started()).findFirst().ifPresent(started -> {
            throw new DomainError.Conflict(
                    "post_locked",
                    "target " + started.id + " (" + started.platform + ") is " + started.status.wire()
                            + ": the post no longer changes");
        });
    }

    /** What no query is needed for: a time in the past, a carousel's size, one target per platform and account. */
    private static void checkShape(PostRequest request) {
        if (request.scheduledAt() != null && request.scheduledAt().isBefore(Instant.now())) {
            throw new DomainError.Unprocessable(
                    "scheduled_in_past", "scheduledAt " + request.scheduledAt() + " is in the past");
        }
        boolean carousel = request.targets().stream().anyMatch(t -> t.format() == PostFormat.CAROUSEL);
        if (carousel
                ? request.mediaIds().size() < 2 || request.mediaIds().size() > 10
                : request.mediaIds().size() != 1) {
            throw new DomainError.Invalid(
                    "media_count", carousel ? "a carousel takes 2 to 10 media" : "this post takes exactly one media");
        }
        Set<String> seen = new HashSet<>();
        for (PostRequest.Target target : request.targets()) {
            if (!seen.add(key(target.platform().name().toLowerCase(), target.accountId()))) {
                throw new DomainError.Invalid(
                        "duplicate_target",
                        "one target per platform and account: "
                                + target.platform().name().toLowerCase() + " " + target.accountId());
            }
        }
    }

    private static String key(String platform, String account) {
        return platform + "\n" + account;
    }
}
