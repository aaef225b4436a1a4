package io.contentfactory.scheduler.domain;

import io.contentfactory.contracts.events.Platform;
import io.contentfactory.contracts.events.PostFormat;
import io.contentfactory.contracts.events.PostPublished;
import io.contentfactory.kit.outbox.Outbox;
import io.contentfactory.kit.problem.ProblemException;
import io.contentfactory.kit.tenancy.TenantScope;
import io.contentfactory.scheduler.persistence.MediaCatalogRepository;
import io.contentfactory.scheduler.persistence.PostRepository;
import io.contentfactory.scheduler.persistence.PostTargetRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
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
public class Posts {

    /**
     * Target statuses that mean the target left the plan: the post is then fixed. A failed target does not fix its post:
     * once the cause is mended (a connection made or enabled, another media chosen) the post is planned again.
     */
    private static final Set<String> STARTED = Set.of("due", "publishing", "published", "awaiting_manual");
    /** A manual target can be marked posted while it waits for its slot or for the person. */
    private static final Set<String> MARKABLE = Set.of("queued", "planned", "awaiting_manual");

    private final PostRepository posts;
    private final PostTargetRepository targets;
    private final MediaCatalogRepository catalog;
    private final Planner planner;
    private final TenantScope tenancy;
    private final Dispatcher dispatcher;
    private final Outbox outbox;

    Posts(PostRepository posts, PostTargetRepository targets, MediaCatalogRepository catalog, Planner planner,
            TenantScope tenancy, Dispatcher dispatcher, Outbox outbox) {
        this.outbox = outbox;
        this.posts = posts;
        this.targets = targets;
        this.catalog = catalog;
        this.planner = planner;
        this.tenancy = tenancy;
        this.dispatcher = dispatcher;
    }

    /** A post and its targets, as read back. */
    public record Snapshot(Post post, List<PostTarget> targets, boolean created) {
    }

    public Uni<Snapshot> upsert(UUID projectId, String clientRef, PostRequest request) {
        checkShape(request);
        return inProject(projectId, () -> catalog.findAll(projectId, request.mediaIds())
                .chain(media -> {
                    Map<UUID, MediaEntry> byId = media.stream().collect(Collectors.toMap(m -> m.mediaId, Function.identity()));
                    List<UUID> unknown = request.mediaIds().stream().filter(id -> !byId.containsKey(id)).toList();
                    if (!unknown.isEmpty()) {
                        throw new ProblemException(422, "media_not_found", "Unknown media",
                                "no analysed media " + unknown + " in this project");
                    }
                    return posts.findByClientRef(projectId, clientRef)
                            .chain(existing -> existing == null
                                    ? create(projectId, clientRef, request, byId)
                                    : update(existing, request, byId));
                }))
                .invoke(dispatcher::wake);
    }

    /** A post by its id or, failing that, by the project's own reference. */
    public Uni<Snapshot> get(UUID projectId, String ref) {
        return inProject(projectId, () -> find(projectId, ref)
                .chain(post -> targets.ofPost(projectId, post.id).map(all -> new Snapshot(post, all, false))));
    }

    private Uni<Post> find(UUID projectId, String ref) {
        Uni<Post> byId = asUuid(ref).map(id -> posts.findInProject(projectId, id)).orElse(Uni.createFrom().nullItem());
        return byId.chain(post -> post != null ? Uni.createFrom().item(post) : posts.findByClientRef(projectId, ref))
                .invoke(post -> {
                    if (post == null) {
                        throw ProblemException.notFound("post", ref);
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
    public Uni<List<Snapshot>> list(UUID projectId, Instant from, Instant to, Optional<String> status) {
        return inProject(projectId, () -> targets.inWindow(projectId, from, to, status).chain(found -> {
            List<UUID> postIds = found.stream().map(t -> t.postId).distinct().toList();
            if (postIds.isEmpty()) {
                return Uni.createFrom().item(List.<Snapshot>of());
            }
            return posts.findAll(projectId, postIds).chain(all -> targets.ofPosts(projectId, postIds).map(allTargets -> postIds.stream()
                    .map(id -> new Snapshot(all.stream().filter(p -> p.id.equals(id)).findFirst().orElseThrow(),
                            allTargets.stream().filter(t -> t.postId.equals(id)).toList(), false))
                    .toList()));
        }));
    }

    /** Cancels every target of the post; refused once one has started. */
    public Uni<Snapshot> cancel(UUID projectId, String ref) {
        return inProject(projectId, () -> find(projectId, ref).chain(post -> {
            UUID id = post.id;
            return targets.ofPost(projectId, id).chain(all -> {
                refuseIfStarted(all);
                return Multi.createFrom().iterable(all).onItem()
                        .transformToUniAndConcatenate(target -> cancelTarget(target))
                        .collect().asList()
                        .chain(() -> targets.ofPost(projectId, id))
                        .map(now -> new Snapshot(post, now, false));
            });
        }));
    }

    /**
     * A person posted a manual target: it is published with the live link, its timer never fires, and
     * {@code post.published} goes out as for any other post. A manual post's job id is derived from its target id.
     */
    public Uni<Snapshot> markPosted(UUID projectId, String ref, UUID targetId, ManualPost posted) {
        return inProject(projectId, () -> find(projectId, ref).chain(post -> targets.findInProject(projectId, targetId).chain(target -> {
            if (target == null || !target.postId.equals(post.id)) {
                throw ProblemException.notFound("target", targetId);
            }
            if (!"manual".equals(post.mode)) {
                throw ProblemException.conflict("not_manual", "the post publishes automatically; only manual posts are marked posted");
            }
            if ("published".equals(target.status)) {
                throw ProblemException.conflict("already_published", "target " + targetId + " was published at " + target.publishedAt);
            }
            if (!MARKABLE.contains(target.status)) {
                throw ProblemException.conflict("target_closed", "target " + targetId + " is " + target.status);
            }
            target.status = "published";
            target.permalink = posted.url();
            target.externalPostId = posted.externalPostId();
            target.publishedAt = posted.postedAt();
            return targets.markFired(projectId, targetId)
                    .call(() -> outbox.record(projectId, new PostPublished(post.id, target.id, target.mediaId,
                            UUID.nameUUIDFromBytes(("manual:" + target.id).getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                            Platform.valueOf(target.platform.toUpperCase(java.util.Locale.ROOT)), target.accountId,
                            PostFormat.valueOf(target.format.toUpperCase(java.util.Locale.ROOT)), posted.externalPostId(), posted.url(),
                            post.captionText(), posted.postedAt())))
                    .chain(() -> targets.ofPost(projectId, post.id))
                    .map(all -> new Snapshot(post, all, false));
        })));
    }

    /** What a person reports after posting by hand: the live link, the platform's id of the post, and when. */
    public record ManualPost(String url, String externalPostId, Instant postedAt) {
    }

    private Uni<Snapshot> create(UUID projectId, String clientRef, PostRequest request, Map<UUID, MediaEntry> media) {
        Post post = new Post();
        post.projectId = projectId;
        post.id = UUID.randomUUID();
        post.clientRef = clientRef;
        post.createdAt = Instant.now();
        apply(post, request);
        return posts.persist(post)
                .chain(() -> Multi.createFrom().iterable(request.targets()).onItem()
                        .transformToUniAndConcatenate(target -> newTarget(post, target, request, media))
                        .collect().asList())
                .call(() -> planner.replanWaiting(projectId))
                .chain(() -> targets.ofPost(projectId, post.id))
                .map(created -> new Snapshot(post, created, true));
    }

    private Uni<Snapshot> update(Post post, PostRequest request, Map<UUID, MediaEntry> media) {
        return targets.ofPost(post.projectId, post.id).chain(current -> {
            refuseIfStarted(current);
            apply(post, request);
            List<Uni<PostTarget>> work = new ArrayList<>();
            Set<String> wanted = new HashSet<>();
            for (PostRequest.Target wish : request.targets()) {
                wanted.add(key(wish.platform().name().toLowerCase(), wish.accountId()));
                Optional<PostTarget> kept = current.stream().filter(t -> !"canceled".equals(t.status)
                        && key(t.platform, t.accountId).equals(key(wish.platform().name().toLowerCase(), wish.accountId()))).findFirst();
                work.add(kept.map(target -> reopenIfFailed(target).chain(() -> reschedule(post, target, wish, request, media)))
                        .orElseGet(() -> newTarget(post, wish, request, media)));
            }
            current.stream().filter(t -> ("planned".equals(t.status) || "queued".equals(t.status)) && !wanted.contains(key(t.platform, t.accountId)))
                    .forEach(t -> work.add(cancelTarget(t).replaceWith(t)));
            return Multi.createFrom().iterable(work).onItem().transformToUniAndConcatenate(Function.identity()).collect().asList()
                    .call(() -> planner.replanWaiting(post.projectId))
                    .chain(() -> targets.ofPost(post.projectId, post.id))
                    .map(now -> new Snapshot(post, now, false));
        });
    }

    /** An explicit time plans the target at once; without one it waits for the planner, which runs before the request ends. */
    private Uni<PostTarget> newTarget(Post post, PostRequest.Target wish, PostRequest request, Map<UUID, MediaEntry> media) {
        PostTarget target = PostTarget.queued(post, wish.platform(), wish.accountId(), wish.format());
        describe(target, wish, request, media);
        if (request.scheduledAt() == null) {
            return targets.persist(target);
        }
        target.status = "planned";
        target.slotSource = "explicit";
        target.scheduledAt = request.scheduledAt();
        target.fireAt = request.scheduledAt();
        return targets.persist(target).call(() -> outbox.record(post.projectId, Planner.scheduled(target, post)));
    }

    /** A failed target is queued again, as if new: the planner gives it a slot unless the request names one. */
    private Uni<Void> reopenIfFailed(PostTarget target) {
        if (!"failed".equals(target.status)) {
            return Uni.createFrom().voidItem();
        }
        // The same change on the loaded entity, so that flushing it does not write the failure back.
        target.status = "queued";
        target.slotSource = "planner";
        target.scheduledAt = null;
        target.fireAt = null;
        target.errorJson = null;
        target.queuedAt = Instant.now();
        return targets.reopenFailed(target.projectId, target.id);
    }

    private Uni<PostTarget> reschedule(Post post, PostTarget target, PostRequest.Target wish, PostRequest request,
            Map<UUID, MediaEntry> media) {
        describe(target, wish, request, media);
        if (request.scheduledAt() == null) {
            return Uni.createFrom().item(target);
        }
        return targets.reschedule(post.projectId, target.id, request.scheduledAt())
                .invoke(() -> {
                    // The same change on the loaded entity, so that flushing it does not write the old slot back.
                    target.status = "planned";
                    target.slotSource = "explicit";
                    target.scheduledAt = request.scheduledAt();
                    target.fireAt = request.scheduledAt();
                })
                .call(() -> outbox.record(post.projectId, Planner.scheduled(target, post)))
                .replaceWith(target);
    }

    private Uni<Void> cancelTarget(PostTarget target) {
        if (!"planned".equals(target.status) && !"queued".equals(target.status)) {
            return Uni.createFrom().voidItem();
        }
        target.status = "canceled";
        return targets.neverFire(target.projectId, target.id);
    }

    private static void describe(PostTarget target, PostRequest.Target wish, PostRequest request, Map<UUID, MediaEntry> media) {
        MediaEntry first = media.get(request.mediaIds().get(0));
        target.mediaId = first.mediaId;
        target.format = wish.format().name().toLowerCase();
        target.mediaType = first.mediaType;
        Served served = first.servedTo(target.platform);
        target.mediaUrl = served.url();
        target.contentType = served.contentType();
    }

    private static void apply(Post post, PostRequest request) {
        post.mediaId = request.mediaIds().get(0);
        post.mediaIds = String.join(",", request.mediaIds().stream().map(UUID::toString).toList());
        post.mode = request.mode();
        post.reviewStatus = request.reviewStatus();
        post.captionBody = request.captionBody() == null ? "" : request.captionBody();
        post.captionDisclosure = request.disclosure();
        post.hashtags = String.join(" ", request.hashtags() == null ? List.of() : request.hashtags());
        post.updatedAt = Instant.now();
    }

    private static void refuseIfStarted(List<PostTarget> current) {
        current.stream().filter(t -> STARTED.contains(t.status)).findFirst().ifPresent(started -> {
            throw ProblemException.conflict("post_locked", "target " + started.id + " (" + started.platform + ") is "
                    + started.status + ": the post no longer changes");
        });
    }

    /** What no query is needed for: a time in the past, a carousel's size, one target per platform and account. */
    private static void checkShape(PostRequest request) {
        if (request.scheduledAt() != null && request.scheduledAt().isBefore(Instant.now())) {
            throw new ProblemException(422, "scheduled_in_past", "Unprocessable time", "scheduledAt " + request.scheduledAt()
                    + " is in the past");
        }
        boolean carousel = request.targets().stream().anyMatch(t -> t.format() == PostFormat.CAROUSEL);
        if (carousel ? request.mediaIds().size() < 2 || request.mediaIds().size() > 10 : request.mediaIds().size() != 1) {
            throw ProblemException.badRequest("media_count", carousel ? "a carousel takes 2 to 10 media" : "this post takes exactly one media");
        }
        Set<String> seen = new HashSet<>();
        for (PostRequest.Target target : request.targets()) {
            if (!seen.add(key(target.platform().name().toLowerCase(), target.accountId()))) {
                throw ProblemException.badRequest("duplicate_target", "one target per platform and account: "
                        + target.platform().name().toLowerCase() + " " + target.accountId());
            }
        }
    }

    private static String key(String platform, String account) {
        return platform + "\n" + account;
    }

    private <T> Uni<T> inProject(UUID projectId, java.util.function.Supplier<Uni<T>> work) {
        return Panache.withTransaction(() -> tenancy.bind(projectId).chain(work::get));
    }
}
