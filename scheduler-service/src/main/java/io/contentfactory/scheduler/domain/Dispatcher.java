package io.contentfactory.scheduler.domain;

import io.contentfactory.contracts.EventCodec;
import io.contentfactory.contracts.events.CaptionParts;
import io.contentfactory.contracts.events.CarouselItem;
import io.contentfactory.scheduler.persistence.MediaCatalogRepository;
import io.contentfactory.contracts.events.ManualPostRequired;
import io.contentfactory.contracts.events.MediaType;
import io.contentfactory.contracts.events.Platform;
import io.contentfactory.contracts.events.PostDue;
import io.contentfactory.contracts.events.PostFormat;
import io.contentfactory.kit.outbox.Outbox;
import io.contentfactory.kit.timer.TimerClaim;
import io.contentfactory.kit.timer.TimerLoop;
import io.contentfactory.kit.timer.TimerLoops;
import io.contentfactory.scheduler.persistence.PostRepository;
import io.contentfactory.scheduler.persistence.PostTargetRepository;
import io.smallrye.mutiny.Uni;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.List;

/**
 * Fires planned targets at their slot: {@code post.due} for automatic posts, {@code post.manual-required} for
 * manual ones, each through the outbox in the transaction that marks the target fired. The schedule lives only
 * in the database, so a restart loses nothing: the loop simply claims whatever is due when it starts.
 */
@Startup
@ApplicationScoped
public class Dispatcher {

    private static final int BATCH = 50;

    private final PostTargetRepository targets;
    private final PostRepository posts;
    private final Outbox outbox;
    private final MediaCatalogRepository catalog;
    private final TimerLoop loop;
    private final Settings settings;

    Dispatcher(TimerLoops loops, PostTargetRepository targets, PostRepository posts, Outbox outbox,
            SchedulerConfig config, MediaCatalogRepository catalog, Settings settings) {
        this.settings = settings;
        this.catalog = catalog;
        this.targets = targets;
        this.posts = posts;
        this.outbox = outbox;
        this.loop = loops.start("dispatcher", "post_targets", config.lease(), config.maxSleep(), BATCH, this::fire);
    }


    /** Called after this instance planned a slot that may be earlier than the one it sleeps towards. */
    public void wake() {
        loop.wake();
    }

    private Uni<Void> fire(TimerClaim claim) {
        return loop.timer().fireWith(claim, () -> targets.findInProject(claim.projectId(), claim.id())
                .invoke(Dispatcher::recordLateness)
                .chain(target -> posts.findInProject(target.projectId, target.postId).chain(post -> settings.of(target.projectId)
                        .chain(current -> {
                            if (current.requireApproval() && !"approved".equals(post.reviewStatus)) {
                                return withheld(target, post);
                            }
                            return "manual".equals(post.mode) ? awaitManual(target, post) : due(target, post);
                        }))));
    }

    /**
     * The project publishes approved posts only: a rejected post's target is canceled, and a draft's fails with
     * {@code not_approved}, since its slot has passed without anyone approving it. Nothing is published.
     */
    private static Uni<Void> withheld(PostTarget target, Post post) {
        if ("rejected".equals(post.reviewStatus)) {
            target.status = "canceled";
        } else {
            target.status = "failed";
            target.errorJson = EventCodec.mapper().createObjectNode().put("code", "not_approved").put("stage", "approval")
                    .put("retryable", false).put("message", "the project requires approval and the post was still a "
                            + post.reviewStatus + " when its slot came").toString();
        }
        return Uni.createFrom().voidItem();
    }

    /** A slot fired after a restart reports how long it waited; one on time, a few milliseconds. */
    private static void recordLateness(PostTarget target) {
        target.firedLateMs = Math.max(0, java.time.Duration.between(target.scheduledAt, java.time.Instant.now()).toMillis());
    }

    private Uni<Void> due(PostTarget target, Post post) {
        target.status = "due";
        return carousel(target, post).chain(items -> outbox.record(target.projectId, new PostDue(post.id, target.id, target.mediaId,
                Platform.valueOf(target.platform.toUpperCase()), target.accountId, PostFormat.valueOf(target.format.toUpperCase()),
                MediaType.valueOf(target.mediaType.toUpperCase()), target.mediaUrl, target.contentType,
                new CaptionParts(post.captionBody, post.captionDisclosure, hashtags(post)), target.scheduledAt, items)))
                .replaceWithVoid();
    }

    /** A carousel target's items, in the post's order, from the media catalog; none for other formats. */
    private Uni<List<CarouselItem>> carousel(PostTarget target, Post post) {
        if (!"carousel".equals(target.format)) {
            return Uni.createFrom().item(List.of());
        }
        List<java.util.UUID> ids = post.mediaIdList();
        return catalog.findAll(target.projectId, ids).map(entries -> ids.stream()
                .map(id -> entries.stream().filter(e -> e.mediaId.equals(id)).findFirst().orElseThrow())
                .map(e -> new CarouselItem(e.mediaId, MediaType.valueOf(e.mediaType.toUpperCase()), e.contentUrl, e.contentType))
                .toList());
    }

    private Uni<Void> awaitManual(PostTarget target, Post post) {
        target.status = "awaiting_manual";
        ManualPostRequired event = new ManualPostRequired(post.id, target.id, target.mediaId,
                Platform.valueOf(target.platform.toUpperCase()), target.accountId, target.mediaUrl, post.captionBody,
                target.scheduledAt);
        return outbox.record(target.projectId, event).replaceWithVoid();
    }

    private static List<String> hashtags(Post post) {
        return post.hashtags == null || post.hashtags.isBlank() ? List.of() : Arrays.asList(post.hashtags.trim().split("\\s+"));
    }
}
