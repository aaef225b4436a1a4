package io.contentfactory.coach.service;

import io.contentfactory.coach.domain.CoachInsight;
import io.contentfactory.coach.domain.PerformanceReview;
import io.contentfactory.coach.persistence.CoachInsightRepository;
import io.contentfactory.contracts.EventCodec;
import io.contentfactory.contracts.events.CoachInsightCreated;
import io.contentfactory.contracts.events.MetricsCollected;
import io.contentfactory.kit.outbox.Outbox;
import io.opentelemetry.instrumentation.annotations.SpanAttribute;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** Writes one insight per post and checkpoint, with {@code coach.insight.created}. */
@ApplicationScoped
public class CoachService {

    private final CoachInsightRepository insights;
    private final Outbox outbox;

    CoachService(CoachInsightRepository insights, Outbox outbox) {
        this.insights = insights;
        this.outbox = outbox;
    }

    /** Call inside a transaction bound to {@code projectId}. */
    @WithSpan("CoachService.review")
    public Uni<Void> review(@SpanAttribute("project.id") UUID projectId, MetricsCollected metrics) {
        String platform = metrics.platform().name().toLowerCase();
        return insights.baselineRates(projectId, platform, metrics.checkpoint())
                .map(rates -> PerformanceReview.of(metrics, rates))
                .chain(review -> {
                    CoachInsight insight = new CoachInsight();
                    insight.projectId = projectId;
                    insight.id = UUID.randomUUID();
                    insight.mediaId = metrics.mediaId();
                    insight.postId = metrics.postId();
                    insight.targetId = metrics.targetId();
                    insight.platform = platform;
                    insight.checkpoint = metrics.checkpoint();
                    insight.views = metrics.views();
                    insight.engagementRate = BigDecimal.valueOf(review.engagementRate());
                    insight.inputSnapshot =
                            EventCodec.mapper().valueToTree(metrics).toString();
                    insight.summary = review.summary();
                    insight.whatWorked = review.whatWorked();
                    insight.whatToChange = review.whatToChange();
                    insight.createdAt = Instant.now();
                    return insights.persist(insight)
                            .chain(saved -> outbox.record(
                                    projectId,
                                    new CoachInsightCreated(
                                            saved.id, saved.mediaId, saved.postId, saved.checkpoint, saved.summary)));
                })
                .replaceWithVoid();
    }
}
