package io.contentfactory.scheduler.domain;

import io.contentfactory.contracts.events.MediaAnalyzed;
import io.contentfactory.contracts.events.MediaType;
import io.contentfactory.contracts.events.Platform;
import io.contentfactory.contracts.events.PostFormat;
import io.contentfactory.contracts.events.PostScheduled;
import io.contentfactory.kit.outbox.Outbox;
import io.contentfactory.scheduler.persistence.MediaCatalogRepository;
import io.contentfactory.scheduler.persistence.PostRepository;
import io.contentfactory.scheduler.persistence.PostTargetRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Gives newly analysed media the next free slot of its queue. Slots already planned, explicitly scheduled or
 * due are never moved; the new post keeps the spacing rule's gap from the queue's last slot.
 */
@ApplicationScoped
public class Planner {

    private final PostRepository posts;
    private final PostTargetRepository targets;
    private final Outbox outbox;
    private final SchedulerConfig config;
    private final SpacingRule spacing;

    private final MediaCatalogRepository catalog;

    Planner(PostRepository posts, PostTargetRepository targets, Outbox outbox, SchedulerConfig config, MediaCatalogRepository catalog) {
        this.catalog = catalog;
        this.posts = posts;
        this.targets = targets;
        this.outbox = outbox;
        this.config = config;
        this.spacing = SpacingRule.of(config);
    }

    /** Call inside a transaction bound to {@code projectId}. Emits {@code post.scheduled}. */
    public Uni<PostTarget> plan(UUID projectId, MediaAnalyzed media) {
        String platform = config.defaultPlatform();
        String account = config.defaultAccount();
        return catalog.record(projectId, media)
                .chain(() -> nextSlot(projectId, platform, account))
                .chain(slot -> createPost(projectId, media, platform, account, slot));
    }

    /**
     * The queue's next free slot: the spacing rule's gap after its last slot, never sooner than the first-slot lead.
     * Locks the queue until the transaction ends, so concurrent planning of one queue takes turns.
     */
    public Uni<Instant> nextSlot(UUID projectId, String platform, String account) {
        return targets.lockQueue(projectId, platform, account)
                .chain(() -> targets.countPlanned(projectId, platform, account))
                .chain(planned -> targets.lastSlot(projectId, platform, account)
                        .map(last -> nextSlot(last.orElse(null), spacing.gap(planned.intValue() + 1, config.planHour()))));
    }

    Instant nextSlot(Instant lastSlot, Duration gap) {
        Instant earliest = Instant.now().plus(config.firstSlotLead());
        Instant afterLast = lastSlot == null ? earliest : lastSlot.plus(gap);
        return (afterLast.isAfter(earliest) ? afterLast : earliest).truncatedTo(ChronoUnit.MILLIS);
    }

    private Uni<PostTarget> createPost(UUID projectId, MediaAnalyzed media, String platform, String account, Instant slot) {
        Post post = new Post();
        post.projectId = projectId;
        post.id = UUID.randomUUID();
        post.mediaId = media.mediaId();
        post.mode = "auto";
        post.captionBody = media.captionSuggestion() == null ? "" : media.captionSuggestion();
        post.hashtags = String.join(" ", media.hashtags());
        post.createdAt = Instant.now();
        post.updatedAt = post.createdAt;
        post.reviewStatus = "approved";
        post.mediaIds = media.mediaId().toString();

        PostTarget target = new PostTarget();
        target.projectId = projectId;
        target.id = UUID.randomUUID();
        target.postId = post.id;
        target.mediaId = media.mediaId();
        target.platform = platform;
        target.accountId = account;
        target.format = formatFor(media.mediaType()).name().toLowerCase();
        target.mediaType = media.mediaType().name().toLowerCase();
        target.mediaUrl = media.contentUrl();
        target.contentType = media.contentType();
        target.scheduledAt = slot;
        target.fireAt = slot;
        target.status = "planned";
        target.createdAt = Instant.now();

        PostScheduled event = new PostScheduled(post.id, target.id, media.mediaId(), Platform.valueOf(platform.toUpperCase()),
                account, formatFor(media.mediaType()), slot, post.mode);
        return posts.persist(post)
                .chain(() -> targets.persist(target))
                .call(() -> outbox.record(projectId, event));
    }

    private static PostFormat formatFor(MediaType type) {
        return type == MediaType.IMAGE ? PostFormat.FEED_IMAGE : PostFormat.REEL;
    }
}
