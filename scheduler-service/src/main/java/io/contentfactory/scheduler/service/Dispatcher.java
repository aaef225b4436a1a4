package io.contentfactory.scheduler.service;

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
import io.contentfactory.kit.timer.DurableTimer;
import io.contentfactory.kit.timer.TimerLoop;
import io.contentfactory.kit.timer.TimerLoops;
import io.contentfactory.scheduler.config.SchedulerConfig;
import io.contentfactory.scheduler.domain.Post;
import io.contentfactory.scheduler.domain.Served;
import io.contentfactory.scheduler.domain.TargetStatus;
import io.contentfactory.scheduler.persistence.MediaCatalogStore;
import io.contentfactory.scheduler.persistence.MediaCatalogStore.CatalogEntry;
import io.contentfactory.scheduler.persistence.PostTargetStore;
import io.contentfactory.scheduler.persistence.PostTargetStore.Fired;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Fires planned targets at their slot: {@code post.due} for automatic posts, {@code post.manual-required} for
 * manual ones; a project that requires approval withholds posts that are not approved. A batch is claimed and fired
 * by one statement ({@code FOR UPDATE SKIP LOCKED}, the next lease epoch under this instance's name), and its events
 * go to the outbox in the same transaction: the events leave exactly when the targets are marked fired. The schedule
 * lives only in the database, so a restart loses nothing: the loop simply fires whatever is due when it starts.
 */
@Startup
@ApplicationScoped
public class Dispatcher {

    private final PostTargetStore targets;
    private final MediaCatalogStore catalog;
    private final Outbox outbox;
    private final TenantScope tenancy;
    private final TimerLoop loop;

    Dispatcher(
            TimerLoops loops,
            PostTargetStore targets,
            MediaCatalogStore catalog,
            Outbox outbox,
            TenantScope tenancy,
            SchedulerConfig config) {
        this.targets = targets;
        this.catalog = catalog;
        this.outbox = outbox;
        this.tenancy = tenancy;
        this.loop = loops.startFiringInClaim(
                "dispatcher", "post_targets", config.lease(), config.maxSleep(), config.fireBatch(), this::fireDue);
    }

    /** Called after this instance planned a slot that may be earlier than the one it sleeps towards. */
    @WithSpan("Dispatcher.wake")
    public void wake() {
        loop.wake();
    }

    private Uni<Integer> fireDue(DurableTimer timer, int limit) {
        return tenancy.asSystem(connection -> targets.fireDue(connection, timer.owner(), limit)
                .chain(fired -> carouselMedia(connection, fired).chain(media -> {
                    List<Outbox.Outgoing> events = fired.stream()
                            .sorted(Comparator.comparing(Fired::scheduledAt))
                            .map(target -> event(target, media))
                            .filter(Objects::nonNull)
                            .toList();
                    return outbox.recordAll(connection, events).replaceWith(fired.size());
                })));
    }

    /** The event a fired target emits: none when it was withheld for want of approval. */
    private static Outbox.Outgoing event(Fired target, Map<String, CatalogEntry> media) {
        PipelineEvent event = switch (target.status()) {
            case AWAITING_MANUAL ->
                new ManualPostRequired(
                        target.postId(),
                        target.id(),
                        target.mediaId(),
                        platform(target),
                        target.accountId(),
                        target.mediaUrl(),
                        Post.captionText(target.captionBody(), target.disclosure(), target.hashtags()),
                        target.scheduledAt());
            case DUE ->
                new PostDue(
                        target.postId(),
                        target.id(),
                        target.mediaId(),
                        platform(target),
                        target.accountId(),
                        PostFormat.valueOf(target.format().toUpperCase(Locale.ROOT)),
                        MediaType.valueOf(target.mediaType().toUpperCase(Locale.ROOT)),
                        target.mediaUrl(),
                        target.contentType(),
                        new CaptionParts(
                                target.captionBody(), target.disclosure(), Post.hashtagList(target.hashtags())),
                        target.scheduledAt(),
                        carouselItems(target, media));
            default -> null;
        };
        return event == null ? null : new Outbox.Outgoing(target.projectId(), event);
    }

    /** The catalog entries of every carousel in the batch, by project and media id. */
    private Uni<Map<String, CatalogEntry>> carouselMedia(SqlConnection connection, List<Fired> fired) {
        List<UUID> projects = new ArrayList<>();
        List<UUID> media = new ArrayList<>();
        fired.stream()
                .filter(Dispatcher::isCarousel)
                .forEach(target -> mediaIds(target).forEach(id -> {
                    projects.add(target.projectId());
                    media.add(id);
                }));
        return catalog.catalog(connection, projects, media)
                .map(entries -> entries.stream()
                        .collect(Collectors.toMap(
                                e -> key(e.projectId(), e.mediaId()), Function.identity(), (a, b) -> a)));
    }

    /** A carousel target's items, in the post's order; none for other formats. */
    private static List<CarouselItem> carouselItems(Fired target, Map<String, CatalogEntry> media) {
        if (!isCarousel(target)) {
            return List.of();
        }
        return mediaIds(target).stream()
                .map(id -> media.get(key(target.projectId(), id)))
                .map(e -> {
                    Served served =
                            Served.to(target.platform(), e.mediaType(), e.contentUrl(), e.contentType(), e.jpegUrl());
                    return new CarouselItem(
                            e.mediaId(),
                            MediaType.valueOf(e.mediaType().toUpperCase(Locale.ROOT)),
                            served.url(),
                            served.contentType());
                })
                .toList();
    }

    private static boolean isCarousel(Fired target) {
        return "carousel".equals(target.format()) && target.status() == TargetStatus.DUE;
    }

    private static List<UUID> mediaIds(Fired target) {
        return target.mediaIds() == null || target.mediaIds().isBlank()
                ? List.of(target.mediaId())
                : Arrays.stream(target.mediaIds().split(","))
                        .map(UUID::fromString)
                        .toList();
    }

    private static String key(UUID projectId, UUID mediaId) {
        return projectId + "/" + mediaId;
    }

    private static Platform platform(Fired target) {
        return Platform.valueOf(target.platform().toUpperCase(Locale.ROOT));
    }
}
