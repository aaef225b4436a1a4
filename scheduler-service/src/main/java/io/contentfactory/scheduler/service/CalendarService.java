package io.contentfactory.scheduler.service;

import io.contentfactory.kit.tenancy.TenantScope;
import io.contentfactory.scheduler.config.SchedulerConfig;
import io.contentfactory.scheduler.domain.Post;
import io.contentfactory.scheduler.domain.PostTarget;
import io.contentfactory.scheduler.domain.ScheduleSettings;
import io.contentfactory.scheduler.persistence.MediaCatalogStore;
import io.contentfactory.scheduler.persistence.PostStore;
import io.contentfactory.scheduler.persistence.PostTargetStore;
import io.opentelemetry.instrumentation.annotations.SpanAttribute;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The plan read as a calendar, the settings it is planned by, and the manual posts a person has to make. */
@ApplicationScoped
public class CalendarService {

    /** How far back the feed keeps manual posts, so that a done or missed one stays visible for a while. */
    private static final Duration FEED_PAST = Duration.ofDays(30);

    private final PostStore posts;
    private final PostTargetStore targets;
    private final MediaCatalogStore catalog;
    private final SettingsService settings;
    private final Planner planner;
    private final Dispatcher dispatcher;
    private final TenantScope tenancy;
    private final SchedulerConfig config;

    CalendarService(
            PostStore posts,
            PostTargetStore targets,
            MediaCatalogStore catalog,
            SettingsService settings,
            Planner planner,
            Dispatcher dispatcher,
            TenantScope tenancy,
            SchedulerConfig config) {
        this.posts = posts;
        this.targets = targets;
        this.catalog = catalog;
        this.settings = settings;
        this.planner = planner;
        this.dispatcher = dispatcher;
        this.tenancy = tenancy;
        this.config = config;
    }

    /** One target in the calendar, with its post and the links of its media in order. */
    public record Item(Post post, PostTarget target, List<String> mediaUrls) {}

    public record Plan(ScheduleSettings settings, List<Item> entries, long queued) {}

    @WithSpan("CalendarService.plan")
    public Uni<Plan> plan(@SpanAttribute("project.id") UUID projectId, Instant from, Instant to) {
        return tenancy.transaction(
                projectId,
                () -> settings.of(projectId)
                        .chain(current -> targets.inWindow(projectId, from, to, java.util.Optional.empty())
                                .chain(found -> items(projectId, found))
                                .chain(items -> targets.count("projectId = ?1 and status = 'queued'", projectId)
                                        .map(queued -> new Plan(current, items, queued)))));
    }

    /** Manual targets from a month ago to the end of the horizon, for the iCalendar feed. */
    @WithSpan("CalendarService.manualPosts")
    public Uni<Plan> manualPosts(@SpanAttribute("project.id") UUID projectId) {
        Instant from = Instant.now().minus(FEED_PAST);
        Instant to = Instant.now()
                .plus(Duration.ofNanos(
                        Math.round(config.horizonHours() * config.planHour().toNanos())));
        return plan(projectId, from, to)
                .map(plan -> new Plan(
                        plan.settings(),
                        plan.entries().stream()
                                .filter(item -> "manual".equals(item.post().mode))
                                .toList(),
                        plan.queued()));
    }

    @WithSpan("CalendarService.settings")
    public Uni<ScheduleSettings> settings(@SpanAttribute("project.id") UUID projectId) {
        return tenancy.transaction(projectId, () -> settings.of(projectId));
    }

    @WithSpan("CalendarService.applySettings")
    public Uni<ScheduleSettings> applySettings(@SpanAttribute("project.id") UUID projectId, ScheduleSettings updated) {
        return tenancy.transaction(projectId, () -> planner.applySettings(projectId, updated))
                .invoke(dispatcher::wake);
    }

    private Uni<List<Item>> items(UUID projectId, List<PostTarget> found) {
        if (found.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return posts.findAll(
                        projectId, found.stream().map(t -> t.postId).distinct().toList())
                .chain(all -> {
                    Map<UUID, Post> byId = all.stream().collect(Collectors.toMap(p -> p.id, Function.identity()));
                    List<UUID> mediaIds = all.stream()
                            .flatMap(p -> p.mediaIdList().stream())
                            .distinct()
                            .toList();
                    return catalog.findAll(projectId, mediaIds).map(media -> {
                        Map<UUID, String> urls =
                                media.stream().collect(Collectors.toMap(m -> m.mediaId, m -> m.contentUrl));
                        return found.stream()
                                .map(target -> {
                                    Post post = byId.get(target.postId);
                                    List<String> links = post.mediaIdList().stream()
                                            .map(urls::get)
                                            .filter(Objects::nonNull)
                                            .toList();
                                    // A target waiting for its media's analysis has no URL yet.
                                    return new Item(
                                            post,
                                            target,
                                            !links.isEmpty()
                                                    ? links
                                                    : target.mediaUrl == null ? List.of() : List.of(target.mediaUrl));
                                })
                                .toList();
                    });
                });
    }
}
