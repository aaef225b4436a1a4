package io.contentfactory.scheduler.domain;

import io.contentfactory.contracts.EventCodec;
import io.contentfactory.contracts.events.CaptionParts;
import io.contentfactory.contracts.events.CarouselItem;
import io.contentfactory.contracts.events.ManualPostRequired;
import io.contentfactory.contracts.events.MediaType;
import io.contentfactory.contracts.events.PipelineEvent;
import io.contentfactory.contracts.events.Platform;
import io.contentfactory.contracts.events.PostDue;
import io.contentfactory.contracts.events.PostFormat;
import io.contentfactory.kit.outbox.Outbox;
import io.contentfactory.kit.tenancy.TenantScope;
import io.contentfactory.kit.timer.TimerClaim;
import io.contentfactory.kit.timer.TimerLoop;
import io.contentfactory.kit.timer.TimerLoops;
import io.contentfactory.scheduler.persistence.FiringRepository;
import io.contentfactory.scheduler.persistence.FiringRepository.CatalogEntry;
import io.contentfactory.scheduler.persistence.FiringRepository.Due;
import io.contentfactory.scheduler.persistence.FiringRepository.Fired;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Fires planned targets at their slot: {@code post.due} for automatic posts, {@code post.manual-required} for
 * manual ones; a project that requires approval withholds posts that are not approved. A claimed batch fires in one
 * transaction: the targets marked fired (their claim's epoch checked) and their events in the outbox. The schedule
 * lives only in the database, so a restart loses nothing: the loop simply claims whatever is due when it starts.
 */
@Startup
@ApplicationScoped
public class Dispatcher {

    private final FiringRepository firing;
    private final Outbox outbox;
    private final TenantScope tenancy;
    private final TimerLoop loop;

    Dispatcher(TimerLoops loops, FiringRepository firing, Outbox outbox, TenantScope tenancy, SchedulerConfig config) {
        this.firing = firing;
        this.outbox = outbox;
        this.tenancy = tenancy;
        this.loop = loops.startBatched("dispatcher", "post_targets", config.lease(), config.maxSleep(), config.fireBatch(), this::fire);
    }

    /** Called after this instance planned a slot that may be earlier than the one it sleeps towards. */
    public void wake() {
        loop.wake();
    }

    /** What firing one target does: its new status, why it was withheld if it was, and the event it emits if any. */
    private record Outcome(Fired fired, PipelineEvent event, UUID projectId) {
    }

    private Uni<Void> fire(List<TimerClaim> claims) {
        return tenancy.asSystem(connection -> firing.lockClaimed(connection, claims)
                .chain(due -> carouselMedia(connection, due).chain(media -> {
                    List<Outcome> outcomes = due.stream().map(target -> outcome(target, media)).toList();
                    List<Outbox.Outgoing> events = outcomes.stream().filter(o -> o.event() != null)
                            .map(o -> new Outbox.Outgoing(o.projectId(), o.event())).toList();
                    return firing.markFired(connection, outcomes.stream().map(Outcome::fired).toList())
                            .chain(() -> outbox.recordAll(connection, events));
                })));
    }

    private Outcome outcome(Due target, Map<String, CatalogEntry> media) {
        if (target.requireApproval() && !"approved".equals(target.reviewStatus())) {
            return withheld(target);
        }
        if ("manual".equals(target.mode())) {
            return new Outcome(new Fired(target.projectId(), target.id(), "awaiting_manual", null), new ManualPostRequired(target.postId(), target.id(),
                    target.mediaId(), platform(target), target.accountId(), target.mediaUrl(), target.captionBody(),
                    target.scheduledAt()), target.projectId());
        }
        PostDue due = new PostDue(target.postId(), target.id(), target.mediaId(), platform(target), target.accountId(),
                PostFormat.valueOf(target.format().toUpperCase(Locale.ROOT)), MediaType.valueOf(target.mediaType().toUpperCase(Locale.ROOT)),
                target.mediaUrl(), target.contentType(), new CaptionParts(target.captionBody(), target.disclosure(), hashtags(target)),
                target.scheduledAt(), carouselItems(target, media));
        return new Outcome(new Fired(target.projectId(), target.id(), "due", null), due, target.projectId());
    }

    /**
     * The project publishes approved posts only: a rejected post's target is canceled, and a draft's fails with
     * {@code not_approved}, since its slot has passed without anyone approving it. Nothing is published.
     */
    private static Outcome withheld(Due target) {
        if ("rejected".equals(target.reviewStatus())) {
            return new Outcome(new Fired(target.projectId(), target.id(), "canceled", null), null, target.projectId());
        }
        String error = EventCodec.mapper().createObjectNode().put("code", "not_approved").put("stage", "approval")
                .put("retryable", false).put("message", "the project requires approval and the post was still a "
                        + target.reviewStatus() + " when its slot came").toString();
        return new Outcome(new Fired(target.projectId(), target.id(), "failed", error), null, target.projectId());
    }

    /** The catalog entries of every carousel in the batch, by project and media id. */
    private Uni<Map<String, CatalogEntry>> carouselMedia(io.vertx.mutiny.sqlclient.SqlConnection connection, List<Due> due) {
        List<UUID> projects = new ArrayList<>();
        List<UUID> media = new ArrayList<>();
        due.stream().filter(Dispatcher::isCarousel).forEach(target -> mediaIds(target).forEach(id -> {
            projects.add(target.projectId());
            media.add(id);
        }));
        return firing.catalog(connection, projects, media)
                .map(entries -> entries.stream().collect(Collectors.toMap(e -> key(e.projectId(), e.mediaId()), Function.identity(), (a, b) -> a)));
    }

    /** A carousel target's items, in the post's order; none for other formats. */
    private static List<CarouselItem> carouselItems(Due target, Map<String, CatalogEntry> media) {
        if (!isCarousel(target)) {
            return List.of();
        }
        return mediaIds(target).stream().map(id -> media.get(key(target.projectId(), id)))
                .map(e -> new CarouselItem(e.mediaId(), MediaType.valueOf(e.mediaType().toUpperCase(Locale.ROOT)), e.contentUrl(), e.contentType()))
                .toList();
    }

    private static boolean isCarousel(Due target) {
        return "carousel".equals(target.format());
    }

    private static List<UUID> mediaIds(Due target) {
        return target.mediaIds() == null || target.mediaIds().isBlank() ? List.of(target.mediaId())
                : Arrays.stream(target.mediaIds().split(",")).map(UUID::fromString).toList();
    }

    private static String key(UUID projectId, UUID mediaId) {
        return projectId + "/" + mediaId;
    }

    private static Platform platform(Due target) {
        return Platform.valueOf(target.platform().toUpperCase(Locale.ROOT));
    }

    private static List<String> hashtags(Due target) {
        return target.hashtags() == null || target.hashtags().isBlank() ? List.of() : Arrays.asList(target.hashtags().trim().split("\\s+"));
    }
}
