package io.contentfactory.metrics.service;

import io.contentfactory.kit.domain.DomainError;
import io.contentfactory.kit.tenancy.TenantScope;
import io.contentfactory.metrics.domain.MetricCheckpoint;
import io.contentfactory.metrics.domain.PostingMetrics;
import io.contentfactory.metrics.persistence.CheckpointStore;
import io.contentfactory.metrics.persistence.PostRefStore;
import io.contentfactory.metrics.persistence.PostingMetricsStore;
import io.opentelemetry.instrumentation.annotations.SpanAttribute;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Checkpoints with what was read at each, as the API shows them: of one post, or of every post of a media item. */
@ApplicationScoped
public class MetricsReadings {

    /** A checkpoint and its row of metrics, if one was read. */
    public record CheckpointReading(MetricCheckpoint checkpoint, Optional<PostingMetrics> metrics) {}

    private final CheckpointStore checkpoints;
    private final PostingMetricsStore metrics;
    private final PostRefStore refs;
    private final TenantScope tenancy;

    MetricsReadings(CheckpointStore checkpoints, PostingMetricsStore metrics, PostRefStore refs, TenantScope tenancy) {
        this.checkpoints = checkpoints;
        this.metrics = metrics;
        this.refs = refs;
        this.tenancy = tenancy;
    }

    /** A post's checkpoints, by its id or the project's own reference; a post never published has none. */
    @WithSpan("MetricsReadings.ofPost")
    public Uni<List<CheckpointReading>> ofPost(@SpanAttribute("project.id") UUID projectId, String ref) {
        return refs.postId(projectId, ref)
                .chain(postId -> tenancy.transaction(
                        projectId,
                        () -> checkpoints.ofPost(projectId, postId).chain(found -> {
                            if (found.isEmpty()) {
                                throw new DomainError.NotFound("published post", ref);
                            }
                            return withMetrics(projectId, found);
                        })));
    }

    /** The checkpoints of every post of a media item; none published yet is a 404, as another project's item is. */
    @WithSpan("MetricsReadings.ofMedia")
    public Uni<List<CheckpointReading>> ofMedia(@SpanAttribute("project.id") UUID projectId, UUID mediaId) {
        return tenancy.transaction(
                projectId,
                () -> checkpoints.ofMedia(projectId, mediaId).chain(found -> {
                    if (found.isEmpty()) {
                        throw new DomainError.NotFound("published post of media", mediaId);
                    }
                    return withMetrics(projectId, found);
                }));
    }

    private Uni<List<CheckpointReading>> withMetrics(UUID projectId, List<MetricCheckpoint> found) {
        return metrics.ofCheckpoints(projectId, found.stream().map(c -> c.id).toList())
                .map(rows -> {
                    Map<UUID, PostingMetrics> byCheckpoint =
                            rows.stream().collect(Collectors.toMap(row -> row.checkpointId, Function.identity()));
                    return found.stream()
                            .map(c -> new CheckpointReading(c, Optional.ofNullable(byCheckpoint.get(c.id))))
                            .toList();
                });
    }
}
