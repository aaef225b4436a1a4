package io.contentfactory.metrics.service;

import io.contentfactory.kit.domain.DomainError;
import io.contentfactory.metrics.clients.ReadTokens;
import io.contentfactory.metrics.domain.AccountBaseline;
import io.contentfactory.metrics.domain.Checkpoint;
import io.contentfactory.metrics.domain.PostSocialScore;
import io.contentfactory.metrics.persistence.PostingMetricsStore;
import io.opentelemetry.instrumentation.annotations.SpanAttribute;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * A connected account's baselines, the medians the post-social score compares each post with: per format and
 * checkpoint, with how many posts each rests on. The connection is publisher-service's; it says which account it is.
 */
@ApplicationScoped
public class AccountBaselines {

    /** The account behind a connection, and its baselines in format then checkpoint order. */
    public record Baselines(
            UUID connectionId, String platform, String accountId, int minimumPosts, List<AccountBaseline> baselines) {}

    private final ReadTokens publisher;
    private final PostingMetricsStore metrics;

    AccountBaselines(ReadTokens publisher, PostingMetricsStore metrics) {
        this.publisher = publisher;
        this.metrics = metrics;
    }

    @WithSpan("AccountBaselines.of")
    public Uni<Baselines> of(@SpanAttribute("project.id") UUID projectId, UUID connectionId) {
        return publisher.accountOf(projectId, connectionId).chain(found -> {
            ReadTokens.ConnectedAccount account =
                    found.orElseThrow(() -> new DomainError.NotFound("connection", connectionId));
            return metrics.baselines(projectId, account.platform(), account.accountId())
                    .map(baselines -> new Baselines(
                            connectionId,
                            account.platform(),
                            account.accountId(),
                            PostSocialScore.MIN_EARLIER_POSTS,
                            baselines.stream()
                                    .sorted(Comparator.comparing(AccountBaseline::format)
                                            .thenComparing(baseline -> Checkpoint.parse(baseline.checkpoint())
                                                    .minutes()))
                                    .toList()));
        });
    }
}
