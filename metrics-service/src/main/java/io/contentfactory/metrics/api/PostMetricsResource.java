package io.contentfactory.metrics.api;

import io.contentfactory.kit.api.PathIds;
import io.contentfactory.kit.tenancy.CallerProject;
import io.contentfactory.metrics.service.MetricsReadings;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * {@code /v1/posts/{ref}/metrics} and {@code /v1/media/{id}/metrics}: reached through the gateway, which sends these
 * sub-resources of posts and media here.
 */
@Authenticated
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
public class PostMetricsResource {

    private final MetricsReadings readings;
    private final CallerProject caller;

    PostMetricsResource(MetricsReadings readings, CallerProject caller) {
        this.readings = readings;
        this.caller = caller;
    }

    /** A post's metrics. */
    public record PostMetrics(UUID postId, List<TargetMetricsView> targets) {}

    /** A media item's metrics across its posts. */
    public record MediaMetrics(UUID mediaId, List<TargetMetricsView> targets) {}

    @GET
    @Path("/posts/{ref}/metrics")
    @Operation(
            operationId = "getPostMetrics",
            summary = "Every checkpoint of a published post's targets, with state, values, score and explanation",
            description = "Each checkpoint is pending until it ends collected, unavailable, skipped or unmeasurable,"
                    + " with its reason. A metric the platform did not report is null, never 0.")
    @APIResponse(
            responseCode = "200",
            description = "The post's metrics",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PostMetrics.class)))
    @APIResponse(
            responseCode = "404",
            description = "No published post with this id or reference in the key's project (code not_found)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public Uni<PostMetrics> post(
            @Parameter(description = "The post's id or the project's own reference") @PathParam("ref") String ref) {
        return readings.ofPost(caller.id(), ref).map(found -> {
            List<TargetMetricsView> targets = TargetMetricsView.of(found);
            return new PostMetrics(targets.get(0).postId(), targets);
        });
    }

    @GET
    @Path("/media/{id}/metrics")
    @Operation(
            operationId = "getMediaMetrics",
            summary = "Every checkpoint of every post of a media item",
            description = "The same as a post's metrics, for each target of each post that used the item.")
    @APIResponse(
            responseCode = "200",
            description = "The media item's metrics",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = MediaMetrics.class)))
    @APIResponse(
            responseCode = "404",
            description = "No post of this media item was published in the key's project (code not_found)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "400",
            description = "The id is not a UUID (code invalid_id)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public Uni<MediaMetrics> media(
            @Parameter(description = "The media id", schema = @Schema(format = "uuid")) @PathParam("id") String id) {
        UUID mediaId = PathIds.uuid(id);
        return readings.ofMedia(caller.id(), mediaId)
                .map(found -> new MediaMetrics(mediaId, TargetMetricsView.of(found)));
    }
}
