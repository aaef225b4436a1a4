package io.contentfactory.metrics.service;

import io.contentfactory.contracts.events.MetricsCollected;
import io.contentfactory.kit.domain.DomainError;
import io.contentfactory.kit.tenancy.TenantScope;
import io.contentfactory.metrics.domain.CheckpointState;
import io.contentfactory.metrics.domain.MetricCheckpoint;
import io.contentfactory.metrics.domain.MetricValues;
import io.contentfactory.metrics.persistence.CheckpointStore;
import io.contentfactory.metrics.persistence.PostRefStore;
import io.opentelemetry.instrumentation.annotations.SpanAttribute;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Numbers a person read off the app for a post nobody can measure (posted by hand on an account the project has not
 * connected): they fill one of its unmeasurable checkpoints, with {@code source: manual}, and are scored and announced
 * like any reading. Nobody can read such a post's comments either, so its event carries no comment summary.
 */
@ApplicationScoped
public class ManualReports {

    private static final MetricsCollected.CommentSummary NO_COMMENTS_READ = null;

    private final CheckpointStore checkpoints;
    private final PostRefStore refs;
    private final MetricsRecorder recorder;
    private final TenantScope tenancy;

    ManualReports(CheckpointStore checkpoints, PostRefStore refs, MetricsRecorder recorder, TenantScope tenancy) {
        this.checkpoints = checkpoints;
        this.refs = refs;
        this.recorder = recorder;
        this.tenancy = tenancy;
    }

    /**
     * Records {@code values}, read at {@code readAt}, at the target's checkpoint {@code label}, or when none is named
     * at its latest unmeasurable checkpoint not yet reported. Answers the checkpoint with its row.
     */
    @WithSpan("ManualReports.report")
    public Uni<MetricsReadings.CheckpointReading> report(
            @SpanAttribute("project.id") UUID projectId,
            String ref,
            @SpanAttribute("target.id") UUID targetId,
            Optional<String> label,
            MetricValues values,
            Instant readAt) {
        if (!values.reportsAnything()) {
            throw new DomainError.Invalid("no_metrics", "report at least one metric");
        }
        if (readAt.isAfter(Instant.now().plusSeconds(60))) {
            throw new DomainError.Invalid("read_in_future", "readAt " + readAt + " is in the future");
        }
        return refs.postId(projectId, ref)
                .chain(postId -> tenancy.transaction(projectId, () -> checkpoints.ofTarget(projectId, targetId))
                        .map(found -> found.stream()
                                .filter(checkpoint -> checkpoint.postId.equals(postId))
                                .toList()))
                .map(found -> chosen(found, ref, targetId, label))
                .chain(checkpoint -> recorder.score(checkpoint, values)
                        .chain(score -> tenancy.transaction(
                                projectId,
                                () -> checkpoints
                                        .findInProject(projectId, checkpoint.id)
                                        .chain(current -> {
                                            refuseUnlessUnmeasurable(current);
                                            return recorder.record(
                                                            current,
                                                            values,
                                                            "{\"source\":\"manual\"}",
                                                            MetricsRecorder.Source.MANUAL,
                                                            readAt,
                                                            score,
                                                            NO_COMMENTS_READ)
                                                    .map(row -> new MetricsReadings.CheckpointReading(
                                                            current, Optional.of(row)));
                                        }))));
    }

    private static MetricCheckpoint chosen(
            List<MetricCheckpoint> ofTarget, String ref, UUID targetId, Optional<String> label) {
        if (ofTarget.isEmpty()) {
            throw new DomainError.NotFound("published target of post " + ref, targetId);
        }
        if (label.isPresent()) {
            return ofTarget.stream()
                    .filter(c -> c.checkpoint.equals(label.get()))
                    .findFirst()
                    .orElseThrow(() -> new DomainError.Invalid(
                            "unknown_checkpoint",
                            "the target has no checkpoint '" + label.get() + "'; it has "
                                    + ofTarget.stream().map(c -> c.checkpoint).toList()));
        }
        return ofTarget.stream()
                .filter(c -> c.state == CheckpointState.UNMEASURABLE)
                .max(Comparator.comparing(c -> c.dueAt))
                .orElseThrow(() -> new DomainError.Conflict(
                        "nothing_to_report",
                        "no checkpoint of this target waits for numbers by hand: its platform measures it, or every"
                                + " unmeasurable checkpoint was reported"));
    }

    private static void refuseUnlessUnmeasurable(MetricCheckpoint checkpoint) {
        if (checkpoint.state != CheckpointState.UNMEASURABLE) {
            throw new DomainError.Conflict(
                    "checkpoint_not_reportable",
                    "checkpoint " + checkpoint.checkpoint + " is " + checkpoint.state.wire()
                            + ": only an unmeasurable checkpoint takes numbers by hand");
        }
    }
}
