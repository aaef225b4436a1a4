package io.contentfactory.coach.service;

import io.contentfactory.coach.config.CoachConfig;
import io.contentfactory.coach.domain.CoachAdvice;
import io.contentfactory.coach.domain.CoachInsight;
import io.contentfactory.coach.domain.CoachRules;
import io.contentfactory.coach.domain.CoachSnapshot;
import io.contentfactory.coach.persistence.CoachInsightRepository;
import io.contentfactory.coach.persistence.MediaProfileStore;
import io.contentfactory.coach.persistence.PostCheckpointStore;
import io.contentfactory.coach.persistence.PostingHistoryStore;
import io.contentfactory.contracts.events.CoachInsightCreated;
import io.contentfactory.contracts.events.MediaAnalyzed;
import io.contentfactory.contracts.events.MetricsCollected;
import io.contentfactory.contracts.events.PostPublished;
import io.contentfactory.contracts.events.ProjectCreated;
import io.contentfactory.kit.domain.DomainError;
import io.contentfactory.kit.outbox.Outbox;
import io.contentfactory.kit.tenancy.TenantScope;
import io.opentelemetry.instrumentation.annotations.SpanAttribute;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Keeps the coach's copy of each media's analysis and checkpoints, and writes an insight when a post reaches one of
 * the coach's checkpoints or someone asks, with {@code coach.insight.created}. The advice comes from
 * {@link CoachAuthor}: the chat model when enabled and its answer holds, else {@link CoachRules}, whose statements
 * without evidence in the snapshot are dropped; an insight whose summary has none is not written.
 */
@ApplicationScoped
public class CoachService {

    private static final Logger LOG = Logger.getLogger(CoachService.class);

    private final CoachInsightRepository insights;
    private final MediaProfileStore profiles;
    private final PostCheckpointStore checkpoints;
    private final Outbox outbox;
    private final TenantScope tenancy;
    private final CoachConfig config;
    private final CoachAuthor author;
    private final CoachSnapshots snapshots;
    private final BriefService briefs;
    private final PostingHistoryStore history;
    private final LearningService learning;

    CoachService(
            CoachInsightRepository insights,
            MediaProfileStore profiles,
            PostCheckpointStore checkpoints,
            Outbox outbox,
            TenantScope tenancy,
            CoachConfig config,
            CoachAuthor author,
            CoachSnapshots snapshots,
            BriefService briefs,
            PostingHistoryStore history,
            LearningService learning) {
        this.insights = insights;
        this.profiles = profiles;
        this.checkpoints = checkpoints;
        this.outbox = outbox;
        this.tenancy = tenancy;
        this.config = config;
        this.author = author;
        this.snapshots = snapshots;
        this.briefs = briefs;
        this.history = history;
        this.learning = learning;
    }

    /** Call inside a transaction bound to {@code projectId}. */
    @WithSpan("CoachService.analyzed")
    public Uni<Void> analyzed(@SpanAttribute("project.id") UUID projectId, MediaAnalyzed analyzed) {
        return profiles.record(projectId, analyzed);
    }

    /** Keeps the project's time zone, which its posting guidance speaks in. */
    @WithSpan("CoachService.projectCreated")
    public Uni<Void> projectCreated(@SpanAttribute("project.id") UUID projectId, ProjectCreated created) {
        return history.project(projectId, created);
    }

    /** Keeps when the post target went live, which its posting guidance learns best hours from. */
    @WithSpan("CoachService.published")
    public Uni<Void> published(@SpanAttribute("project.id") UUID projectId, PostPublished published) {
        return history.published(projectId, published);
    }

    /**
     * Stores the reading, and learns the account's next model version when it is due; at a coach checkpoint writes the
     * media's insight, once per target and checkpoint. Call
     * inside a transaction bound to {@code projectId}.
     */
    @WithSpan("CoachService.review")
    public Uni<Void> review(@SpanAttribute("project.id") UUID projectId, MetricsCollected metrics) {
        Uni<Void> stored = checkpoints.record(projectId, metrics).chain(() -> learning.measured(projectId, metrics));
        if (!config.insightCheckpoints().contains(metrics.checkpoint())) {
            return stored;
        }
        return stored.chain(() -> insights.exists(metrics.targetId(), metrics.checkpoint()))
                .chain(written -> written
                        ? Uni.createFrom().voidItem()
                        : snapshot(metrics.mediaId())
                                .chain(snapshot -> write(projectId, snapshot, causeOf(snapshot, metrics)))
                                .replaceWithVoid());
    }

    /** A fresh insight on the media, now; the media must be known to the coach (analysed or measured). */
    @WithSpan("CoachService.refresh")
    public Uni<CoachInsight> refresh(@SpanAttribute("project.id") UUID projectId, UUID mediaId) {
        return tenancy.transaction(
                projectId,
                () -> snapshot(mediaId).chain(snapshot -> {
                    if (snapshot.media() == null && snapshot.readings().isEmpty()) {
                        return Uni.createFrom().failure(new DomainError.NotFound("media item", mediaId));
                    }
                    return write(projectId, snapshot, null)
                            .map(written -> written.orElseThrow(() -> new DomainError.Unprocessable(
                                    "nothing_to_say",
                                    "the coach has no evidence to write about media item " + mediaId + " yet")));
                }));
    }

    private Uni<CoachSnapshot> snapshot(UUID mediaId) {
        return snapshots.of(mediaId);
    }

    private static CoachSnapshot.Reading causeOf(CoachSnapshot snapshot, MetricsCollected metrics) {
        return snapshot.readings().stream()
                .filter(reading -> reading.metrics().targetId().equals(metrics.targetId())
                        && reading.metrics().checkpoint().equals(metrics.checkpoint()))
                .findFirst()
                .orElseThrow();
    }

    private Uni<Optional<CoachInsight>> write(UUID projectId, CoachSnapshot snapshot, CoachSnapshot.Reading cause) {
        return author.advise(snapshot).chain(authored -> {
            if (authored.isEmpty()) {
                LOG.infof("no insight on media %s: nothing in its snapshot supports a summary", snapshot.mediaId());
                return Uni.createFrom().item(Optional.<CoachInsight>empty());
            }
            CoachAuthor.Authored by = authored.get();
            CoachInsight insight = CoachInsight.written(
                    projectId, snapshot, cause, by.advice(), by.generatedBy(), by.modelRejection(), Instant.now());
            return insights.record(insight)
                    .chain(saved -> outbox.record(projectId, event(saved, by.advice())))
                    .chain(() -> cause == null
                            ? Uni.createFrom().voidItem()
                            : briefs.afterInsight(
                                    projectId, snapshot, cause.metrics().checkpoint(), insight.id, by.advice()))
                    .replaceWith(Optional.of(insight));
        });
    }

    private static CoachInsightCreated event(CoachInsight insight, CoachAdvice advice) {
        return new CoachInsightCreated(
                insight.id,
                insight.mediaId,
                insight.postId,
                insight.checkpoint,
                insight.summary,
                advice.summary().evidence(),
                insight.generatedBy);
    }

    /** The media's latest insight. */
    public Uni<CoachInsight> latest(UUID projectId, UUID mediaId) {
        return tenancy.transaction(projectId, () -> insights.latestOf(mediaId))
                .map(found -> found.orElseThrow(() -> DomainError.NotFound.coded(
                        "not_found", "media item " + mediaId + " has no coach insight in this project yet")));
    }

    /** The project's insights, newest first. */
    public Uni<List<CoachInsight>> page(UUID projectId, Optional<Instant> at, Optional<UUID> id, int limit) {
        return tenancy.transaction(projectId, () -> insights.page(at, id, limit));
    }
}
