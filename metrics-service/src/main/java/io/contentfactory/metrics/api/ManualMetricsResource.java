package io.contentfactory.metrics.api;

import io.contentfactory.kit.api.PathIds;
import io.contentfactory.kit.tenancy.CallerProject;
import io.contentfactory.metrics.domain.MetricValues;
import io.contentfactory.metrics.service.ManualReports;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * {@code POST /v1/posts/{ref}/targets/{targetId}/metrics}: numbers a person read off the app, for a post published by
 * hand on an account the project has not connected (its checkpoints are {@code unmeasurable}).
 */
@Authenticated
@Path("/v1/posts/{ref}/targets/{targetId}/metrics")
@Produces(MediaType.APPLICATION_JSON)
public class ManualMetricsResource {

    private final ManualReports reports;
    private final CallerProject caller;

    ManualMetricsResource(ManualReports reports, CallerProject caller) {
        this.reports = reports;
        this.caller = caller;
    }

    /** What a person read; a metric left out is not reported (null), never 0. */
    @Schema(name = "ManualMetrics")
    public record ManualMetrics(
            @Schema(description = "The checkpoint these numbers are for; by default the latest unmeasurable one")
            @Pattern(regexp = "\\d{1,5}[mhd]", message = "a checkpoint looks like 15m, 4h or 7d")
            String checkpoint,

            @Schema(description = "When they were read off the app; now by default")
            Instant readAt,

            @PositiveOrZero Long views,
            @PositiveOrZero Long likes,
            @PositiveOrZero Long comments,
            @PositiveOrZero Long shares,
            @PositiveOrZero Long saves,
            @PositiveOrZero Long reach,
            @PositiveOrZero Long watchTimeMs,
            @PositiveOrZero Long avgWatchTimeMs,
            @PositiveOrZero @DecimalMax("1.0") Double ctr,
            @PositiveOrZero Long profileVisits,
            Long followerDelta) {

        MetricValues values() {
            return new MetricValues(
                    views,
                    likes,
                    comments,
                    shares,
                    saves,
                    reach,
                    watchTimeMs,
                    avgWatchTimeMs,
                    ctr,
                    profileVisits,
                    followerDelta);
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "reportPostMetrics",
            summary = "Report a post's numbers by hand",
            description =
                    "For a post published by hand on an account the project has not connected: its checkpoints are"
                            + " unmeasurable until a person reports what the app shows. The numbers are stored with source manual,"
                            + " scored like any reading, and announced with metrics.collected.")
    @APIResponse(
            responseCode = "200",
            description = "The checkpoint, now collected",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = CheckpointView.class)))
    @APIResponse(
            responseCode = "400",
            description = "No metric, a negative one, an unknown checkpoint or a time in the future",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "404",
            description = "No such published post or target in the key's project (code not_found)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "409",
            description = "The platform measures this checkpoint, or it was reported already"
                    + " (codes checkpoint_not_reportable, nothing_to_report)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public Uni<CheckpointView> report(
            @PathParam("ref") String ref, @PathParam("targetId") String targetId, @Valid @NotNull ManualMetrics body) {
        return reports.report(
                        caller.id(),
                        ref,
                        PathIds.uuid(targetId),
                        Optional.ofNullable(body.checkpoint()),
                        body.values(),
                        body.readAt() == null ? Instant.now() : body.readAt())
                .map(CheckpointView::of);
    }
}
