package io.contentfactory.publisher.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.contentfactory.contracts.events.CaptionParts;
import io.contentfactory.contracts.events.CarouselItem;
import io.contentfactory.contracts.events.MediaType;
import io.contentfactory.contracts.events.Platform;
import io.contentfactory.contracts.events.PostFormat;
import io.contentfactory.kit.api.ApiValues;
import io.contentfactory.kit.api.PathIds;
import io.contentfactory.kit.domain.DomainError;
import io.contentfactory.kit.tenancy.CallerProject;
import io.contentfactory.publisher.domain.PublishDecision;
import io.contentfactory.publisher.domain.PublishJob;
import io.contentfactory.publisher.domain.PublishOrder;
import io.contentfactory.publisher.service.PublishJobService;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Publishing one post target now, and reading its jobs back. The scheduler's {@code post.due} events take the same
 * way in; this route is for projects that schedule themselves.
 */
@Path("/v1/publish-jobs")
@Authenticated
public class PublishJobResource {

    private static final String PROBLEM = "application/problem+json";
    private final PublishJobService jobs;
    private final CallerProject caller;

    PublishJobResource(PublishJobService jobs, CallerProject caller) {
        this.jobs = jobs;
        this.caller = caller;
    }

    public record Caption(
            @Size(max = 10_000) String body,
            @Size(max = 1_000) String disclosure,
            @Size(max = 100) List<String> hashtags) {}

    /** One carousel item: a JPEG image or a video ({@code mediaType} image or video; image if absent). */
    public record Item(
            @NotNull UUID mediaId,
            @NotBlank @Size(max = 4096) String mediaUrl,
            String mediaType) {}

    /**
     * @param targetId the post target this publishes, chosen by the caller: a target is published at most once
     * @param postId   the post it belongs to; the target's id if absent
     * @param mediaId  the media asset the URL serves; for a carousel, its first item's if absent
     * @param carousel a carousel's 2 to 10 items in order; only with format carousel
     */
    public record NewPublishJob(
            @NotNull UUID targetId,
            UUID postId,
            UUID mediaId,
            @NotBlank String platform,
            @NotBlank @Size(max = 200) String accountId,
            @NotBlank String format,
            @Size(max = 4096) String mediaUrl,
            @NotNull @Valid Caption caption,
            @Size(max = 20) List<@Valid @NotNull Item> carousel) {}

    public record PublishJobView(
            UUID id,
            UUID targetId,
            UUID postId,
            UUID mediaId,
            String platform,
            String accountId,
            String format,
            String status,
            int attempt,
            String mediaUrl,
            String caption,
            String uploadId,
            String externalId,
            String permalink,
            Instant publishedAt,
            JsonNode error,
            Instant createdAt,
            Instant updatedAt) {
        static PublishJobView of(PublishJob job) {
            return new PublishJobView(
                    job.id,
                    job.targetId,
                    job.postId,
                    job.mediaId,
                    job.platform,
                    job.accountId,
                    job.format,
                    job.status.wire(),
                    job.attempt,
                    job.mediaUrl,
                    job.caption,
                    job.containerId,
                    job.publishedMediaId,
                    job.permalink,
                    job.publishedAt,
                    ApiValues.storedJson(job.errorJson),
                    job.createdAt,
                    job.updatedAt);
        }
    }

    @POST
    @Operation(operationId = "createPublishJob", summary = "Publish one post target now")
    @APIResponse(
            responseCode = "202",
            description = "Queued; read its outcome at the Location",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PublishJobView.class)))
    @APIResponse(
            responseCode = "400",
            description = "A missing field, an unknown platform or format, or a format the platform does not publish",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "404",
            description = "The project has no connection for this account (code connection_not_found)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "409",
            description =
                    "already_published, publish_in_progress, or an inactive connection (connection_disabled, connection_needs_reauth)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "422",
            description = "The caption is over the platform's limits (caption_too_long, too_many_hashtags), "
                    + "or the media failed the preflight (media_url_data, media_url_not_https, media_url_foreign, media_not_jpeg, "
                    + "media_type_unsupported, media_unreachable): then a failed job is stored",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem")))
    public Uni<Response> create(@Valid @NotNull NewPublishJob request) {
        Platform platform = ApiValues.enumValue(Platform.class, request.platform(), "invalid_platform");
        PostFormat format = ApiValues.enumValue(PostFormat.class, request.format(), "invalid_format");
        if (!platform.formats().contains(format)) {
            throw new DomainError.Invalid(
                    "format_not_supported",
                    platform.name().toLowerCase(Locale.ROOT) + " publishes "
                            + platform.formats().stream()
                                    .map(f -> f.name().toLowerCase(Locale.ROOT))
                                    .sorted()
                                    .toList());
        }
        List<CarouselItem> items = carouselItems(request.carousel());
        UUID mediaId = request.mediaId() != null
                ? request.mediaId()
                : items.isEmpty() ? null : items.get(0).mediaId();
        String mediaUrl = request.mediaUrl() != null
                ? request.mediaUrl()
                : items.isEmpty() ? null : items.get(0).mediaUrl();
        if (mediaId == null || mediaUrl == null || mediaUrl.isBlank()) {
            throw new DomainError.Invalid(
                    "media_required", "mediaId and mediaUrl are required (or, for a carousel, its items)");
        }
        MediaType mediaType =
                format == PostFormat.FEED_IMAGE || format == PostFormat.CAROUSEL ? MediaType.IMAGE : MediaType.VIDEO;
        Caption caption = request.caption();
        PublishOrder order = new PublishOrder(
                request.postId() == null ? request.targetId() : request.postId(),
                request.targetId(),
                mediaId,
                platform,
                request.accountId().strip(),
                format,
                mediaType,
                mediaUrl,
                mediaType == MediaType.IMAGE ? "image/jpeg" : "video/mp4",
                new CaptionParts(
                        caption.body() == null ? "" : caption.body(), caption.disclosure(), caption.hashtags()),
                items);
        return jobs.request(caller.id(), order)
                .map(job -> Response.accepted(PublishJobView.of(job))
                        .location(URI.create("/v1/publish-jobs/" + job.id))
                        .build());
    }

    @GET
    @Path("/{id}")
    @Operation(
            operationId = "getPublishJob",
            summary = "One publish job of the key's project: its status, and the live post or the error")
    @APIResponse(
            responseCode = "200",
            description = "The job",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PublishJobView.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such job in the key's project",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem")))
    public Uni<PublishJobView> get(@PathParam("id") String id) {
        return jobs.get(caller.id(), PathIds.uuid(id)).map(PublishJobView::of);
    }

    /**
     * @param outcome    {@code published} (with the live post's id and link) or {@code not_published}
     * @param externalId the platform's id of the live post, with {@code published}
     * @param permalink  its link, with {@code published}
     */
    public record DecisionBody(
            @NotBlank String outcome,
            @Size(max = 200) String externalId,
            @Size(max = 2048) String permalink) {}

    @POST
    @Path("/{id}/decision")
    @Operation(
            operationId = "decidePublishJob",
            summary =
                    "A person's finding on a job whose outcome stayed unknown"
                            + " (needs_decision): the post is live (published) or nothing went live (not_published: failed, retryable)")
    @APIResponse(
            responseCode = "200",
            description = "The job, published or failed",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PublishJobView.class)))
    @APIResponse(
            responseCode = "400",
            description = "An unknown outcome, or published without externalId (invalid_decision)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "409",
            description = "The job does not wait for a decision (no_decision_needed)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem")))
    public Uni<PublishJobView> decide(@PathParam("id") String id, @Valid @NotNull DecisionBody body) {
        return jobs.decide(caller.id(), PathIds.uuid(id), decision(body)).map(PublishJobView::of);
    }

    private static PublishDecision decision(DecisionBody body) {
        return switch (body.outcome()) {
            case "published" -> {
                if (body.externalId() == null || body.externalId().isBlank()) {
                    throw new DomainError.Invalid("invalid_decision", "published needs the live post's externalId");
                }
                yield new PublishDecision.Live(body.externalId().strip(), body.permalink());
            }
            case "not_published" -> new PublishDecision.NothingLive();
            default -> throw new DomainError.Invalid("invalid_decision", "outcome is published or not_published");
        };
    }

    @GET
    @Operation(
            operationId = "listPublishJobs",
            summary =
                    "A post target's jobs with ?targetId=, else the project's latest 100; latest first (every attempt is its own job)")
    @APIResponse(
            responseCode = "400",
            description = "targetId is not a UUID (code invalid_id)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "200",
            description = "The jobs, latest first",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(type = SchemaType.ARRAY, implementation = PublishJobView.class)))
    public Uni<List<PublishJobView>> list(@QueryParam("targetId") String targetId) {
        Uni<List<PublishJob>> found = targetId == null || targetId.isBlank()
                ? jobs.latest(caller.id(), 100)
                : jobs.forTarget(caller.id(), PathIds.uuid(targetId));
        return found.map(all -> all.stream().map(PublishJobView::of).toList());
    }

    private static List<CarouselItem> carouselItems(List<Item> items) {
        if (items == null) {
            return List.of();
        }
        return items.stream()
                .map(item -> {
                    MediaType type =
                            item.mediaType() == null || item.mediaType().equalsIgnoreCase("image")
                                    ? MediaType.IMAGE
                                    : item.mediaType().equalsIgnoreCase("video") ? MediaType.VIDEO : null;
                    if (type == null) {
                        throw new DomainError.Invalid(
                                "invalid_media_type", "a carousel item's mediaType is image or video");
                    }
                    return new CarouselItem(
                            item.mediaId(),
                            type,
                            item.mediaUrl(),
                            type == MediaType.IMAGE ? "image/jpeg" : "video/mp4");
                })
                .toList();
    }
}
