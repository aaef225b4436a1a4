package io.contentfactory.coach.service;

import io.contentfactory.coach.config.CoachConfig;
import io.contentfactory.coach.domain.BriefContent;
import io.contentfactory.coach.domain.BriefFilter;
import io.contentfactory.coach.domain.BriefRules;
import io.contentfactory.coach.domain.BriefSource;
import io.contentfactory.coach.domain.CoachAdvice;
import io.contentfactory.coach.domain.CoachRules;
import io.contentfactory.coach.domain.CoachSnapshot;
import io.contentfactory.coach.domain.CreativeBrief;
import io.contentfactory.coach.domain.DerivativePlan;
import io.contentfactory.coach.domain.DerivativePlanning;
import io.contentfactory.coach.domain.PatternBrief;
import io.contentfactory.coach.domain.TopPost;
import io.contentfactory.coach.persistence.AccountModelStore;
import io.contentfactory.coach.persistence.CoachInsightRepository;
import io.contentfactory.coach.persistence.CreativeBriefStore;
import io.contentfactory.coach.persistence.PostingHistoryStore;
import io.contentfactory.contracts.events.CreativeBriefCreated;
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

/**
 * Creative briefs and the derivative-media plans written with them: by the coach itself for a post that beat its
 * account's baseline at the top-post checkpoint, and on request from a media item or a prompt. Each new brief and
 * plan is announced ({@code creative-brief.created}, {@code derivative-plan.created}) in the same transaction.
 */
@ApplicationScoped
public class BriefService {

    private final CreativeBriefStore briefs;
    private final DerivativePlanService plans;
    private final PostingHistoryStore history;
    private final CoachInsightRepository insights;
    private final CoachSnapshots snapshots;
    private final PatternService patterns;
    private final Outbox outbox;
    private final TenantScope tenancy;
    private final CoachConfig.Briefs config;
    private final AccountModelStore models;

    BriefService(
            CreativeBriefStore briefs,
            DerivativePlanService plans,
            PostingHistoryStore history,
            CoachInsightRepository insights,
            CoachSnapshots snapshots,
            PatternService patterns,
            Outbox outbox,
            TenantScope tenancy,
            CoachConfig config,
            AccountModelStore models) {
        this.models = models;
        this.briefs = briefs;
        this.plans = plans;
        this.history = history;
        this.insights = insights;
        this.snapshots = snapshots;
        this.patterns = patterns;
        this.outbox = outbox;
        this.tenancy = tenancy;
        this.config = config.briefs();
    }

    /** What a person asks a brief to be made from: a prompt, or one of the project's media items. */
    public sealed interface BriefRequest {
        record FromPrompt(String prompt, String targetAudience) implements BriefRequest {}

        record FromTopPost(UUID mediaId) implements BriefRequest {}

        record FromPattern(UUID patternId) implements BriefRequest {}
    }

    /**
     * After an insight at the top-post checkpoint: the media's {@code own_top_post} brief and its plans, when the
     * reading beat its baseline and the media has no such brief yet. Call inside a transaction bound to the project.
     */
    @WithSpan("BriefService.afterInsight")
    public Uni<Void> afterInsight(
            UUID projectId, CoachSnapshot snapshot, String checkpoint, UUID insightId, CoachAdvice advice) {
        if (!config.topPostCheckpoint().equals(checkpoint)) {
            return Uni.createFrom().voidItem();
        }
        Optional<TopPost> top = TopPost.at(snapshot, checkpoint);
        if (top.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return briefs.existsForMedia(snapshot.mediaId())
                .chain(exists -> exists
                        ? Uni.createFrom().voidItem()
                        : topPostBrief(projectId, snapshot, top.get(), insightId, advice)
                                .replaceWithVoid());
    }

    @WithSpan("BriefService.create")
    public Uni<CreativeBrief> create(@SpanAttribute("project.id") UUID projectId, BriefRequest request) {
        return tenancy.transaction(projectId, () -> switch (request) {
            case BriefRequest.FromPrompt prompt ->
                guidance(List.of())
                        .chain(guidance -> written(
                                projectId,
                                BriefSource.PROMPT_ONLY,
                                null,
                                BriefRules.fromPrompt(prompt.prompt(), prompt.targetAudience(), guidance)));
            case BriefRequest.FromTopPost post -> fromMedia(projectId, post.mediaId());
            case BriefRequest.FromPattern pattern ->
                patterns.found(pattern.patternId())
                        .chain(found -> guidance(List.of())
                                .chain(guidance -> written(
                                        projectId,
                                        BriefSource.KALODATA_PRODUCT,
                                        null,
                                        PatternBrief.draft(found, guidance))));
        });
    }

    private Uni<CreativeBrief> fromMedia(UUID projectId, UUID mediaId) {
        return snapshots.of(mediaId).chain(snapshot -> {
            if (snapshot.media() == null && snapshot.readings().isEmpty()) {
                return Uni.createFrom().failure(new DomainError.NotFound("media item", mediaId));
            }
            Optional<TopPost> top = TopPost.latest(snapshot);
            if (top.isEmpty()) {
                return Uni.createFrom()
                        .failure(new DomainError.Unprocessable(
                                "not_a_top_post",
                                "no post of media item " + mediaId
                                        + " has beaten its account's baseline at its latest collected checkpoint"));
            }
            return briefs.existsForMedia(mediaId)
                    .chain(exists -> exists
                            ? Uni.createFrom()
                                    .failure(new DomainError.Conflict(
                                            "brief_exists",
                                            "media item " + mediaId + " already has its own_top_post brief"))
                            : insights.latestOf(mediaId)
                                    .chain(latest -> topPostBrief(
                                            projectId,
                                            snapshot,
                                            top.get(),
                                            latest.map(insight -> insight.id).orElse(null),
                                            latest.map(insight -> insight.structured)
                                                    .filter(java.util.Objects::nonNull)
                                                    .orElseGet(() -> CoachRules.advise(snapshot)))));
        });
    }

    private Uni<CreativeBrief> topPostBrief(
            UUID projectId, CoachSnapshot snapshot, TopPost top, UUID insightId, CoachAdvice advice) {
        return guidance(List.of(top.platform()))
                .chain(guidance -> models.inForceOfMedia(snapshot.mediaId())
                        .map(learned -> learned.map(found -> new BriefContent.PostingGuidance(
                                        guidance.platformPriority(),
                                        guidance.frequency(),
                                        found.model()
                                                .timeWindowHint(
                                                        found.account().platform(),
                                                        found.account().accountId())))
                                .orElse(guidance)))
                .chain(guidance -> written(
                        projectId,
                        BriefSource.OWN_TOP_POST,
                        snapshot.mediaId(),
                        BriefRules.ownTopPost(snapshot, top, advice, insightId, guidance)))
                .call(brief ->
                        plan(DerivativePlanning.plans(projectId, brief.id, snapshot, top, advice, brief.createdAt)));
    }

    private Uni<BriefContent.PostingGuidance> guidance(List<String> platforms) {
        List<String> fallback = new java.util.ArrayList<>(platforms);
        config.defaultPlatforms().stream().filter(p -> !fallback.contains(p)).forEach(fallback::add);
        return history.history(config.historyPosts()).map(history -> history.guidance(fallback, Instant.now()));
    }

    private Uni<CreativeBrief> written(UUID projectId, BriefSource source, UUID mediaId, BriefRules.Draft draft) {
        CreativeBrief brief = CreativeBrief.written(
                projectId, source, mediaId, draft.reference(), draft.content(), draft.evidence(), Instant.now());
        return briefs.save(brief)
                .call(saved -> outbox.record(
                        projectId,
                        new CreativeBriefCreated(
                                saved.id, saved.source.wire(), saved.mediaId, saved.content.angleName())));
    }

    private Uni<Void> plan(List<DerivativePlan> planned) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (DerivativePlan plan : planned) {
            chain = chain.chain(() -> plans.created(plan)).replaceWithVoid();
        }
        return chain;
    }

    public Uni<CreativeBrief> get(UUID projectId, UUID id) {
        return tenancy.transaction(projectId, () -> found(id));
    }

    public Uni<List<CreativeBrief>> page(UUID projectId, BriefFilter filter, int limit) {
        return tenancy.transaction(projectId, () -> briefs.page(filter, limit));
    }

    @WithSpan("BriefService.edit")
    public Uni<CreativeBrief> edit(
            @SpanAttribute("project.id") UUID projectId, UUID id, CreativeBrief.BriefEdit edits) {
        return tenancy.transaction(
                projectId,
                () -> found(id).chain(brief -> {
                    brief.edit(edits, Instant.now());
                    return briefs.save(brief);
                }));
    }

    private Uni<CreativeBrief> found(UUID id) {
        return briefs.of(id).map(found -> found.orElseThrow(() -> new DomainError.NotFound("creative brief", id)));
    }
}
