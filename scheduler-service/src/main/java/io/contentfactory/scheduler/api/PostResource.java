package io.contentfactory.scheduler.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.contentfactory.contracts.events.Platform;
import io.contentfactory.contracts.events.PostFormat;
import io.contentfactory.kit.api.ApiValues;
import io.contentfactory.kit.domain.DomainError;
import io.contentfactory.kit.tenancy.CallerProject;
import io.contentfactory.scheduler.domain.PostRequest;
import io.contentfactory.scheduler.domain.PostTarget;
import io.contentfactory.scheduler.domain.TargetStatus;
import io.contentfactory.scheduler.service.PostService;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Posts through the API: upsert by the project's own reference, read back with each target's status, cancel. */
@Path("/v1/posts")
@Authenticated
public class PostResource {

    private static final String PROBLEM = "application/problem+json";
    private static final Pattern CLIENT_REF = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");
    private static final Set<String> MODES = Set.of("auto", "manual");
    private static final Set<String> REVIEW = Set.of("draft", "approved", "rejected");

    private final PostService posts;
    private final CallerProject caller;

    PostResource(PostService posts, CallerProject caller) {
        this.posts = posts;
        this.caller = caller;
    }

    public record Caption(
            @Size(max = 10_000) String body,
            @Size(max = 1_000) String disclosure,
            @Size(max = 100) List<String> hashtags) {}

    public record TargetBody(
            @NotBlank String platform,
            @NotBlank @Size(max = 200) String accountId,
            @NotBlank String format) {}

    /**
     * @param scheduledAt an ISO-8601 instant, or {@code auto} (the default): the planner picks the slot
     * @param mode        auto (the publisher posts) or manual (a person does, from the calendar)
     */
    public record PostBody(
            @NotEmpty @Size(max = 10) List<@NotNull UUID> mediaIds,
            @NotEmpty @Size(max = 20) List<@Valid @NotNull TargetBody> targets,
            @Valid Caption caption,
            String scheduledAt,
            String mode,
            String reviewStatus) {}

    public record TargetView(
            UUID id,
            String platform,
            String accountId,
            String format,
            Instant scheduledAt,
            String status,
            String externalPostId,
            String permalink,
            Instant publishedAt,
            JsonNode error) {
        static TargetView of(PostTarget target) {
            return new TargetView(
                    target.id,
                    target.platform,
                    target.accountId,
                    target.format,
                    target.scheduledAt,
                    target.status.wire(),
                    target.externalPostId,
                    target.permalink,
                    target.publishedAt,
                    ApiValues.storedJson(target.errorJson));
        }
    }

    public record PostView(
            UUID id,
            String clientRef,
            List<UUID> mediaIds,
            String mode,
            String reviewStatus,
            String captionBody,
            String disclosure,
            List<String> hashtags,
            List<TargetView> targets,
            Instant createdAt,
            Instant updatedAt) {
        static PostView of(PostService.Snapshot snapshot) {
            var post = snapshot.post();
            return new PostView(
                    post.id,
                    post.clientRef,
                    post.mediaIdList(),
                    post.mode,
                    post.reviewStatus,
                    post.captionBody,
                    post.captionDisclosure,
                    post.hashtagList(),
                    snapshot.targets().stream().map(TargetView::of).toList(),
                    post.createdAt,
                    post.updatedAt);
        }
    }

    @PUT
    @Path("/{ref}")
    @Operation(operationId = "upsertPost", summary = "Create or update the post with this project reference")
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PostView.class)))
    @APIResponse(
            responseCode = "200",
            description = "Updated",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PostView.class)))
    @APIResponse(
            responseCode = "400",
            description =
                    "invalid_client_ref, invalid_platform, invalid_format, format_not_supported, invalid_time, media_count, duplicate_target, invalid_mode",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "409",
            description = "A target has started publishing (code post_locked)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "422",
            description = "A time in the past (scheduled_in_past), media this project does not have"
                    + " (media_not_found), or media that was rejected or whose analysis failed (media_unusable). Media still being"
                    + " analysed is accepted: its targets are waiting_for_media until the analysis arrives",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem")))
    public Uni<Response> upsert(@PathParam("ref") String clientRef, @Valid @NotNull PostBody body) {
        if (!CLIENT_REF.matcher(clientRef).matches()) {
            throw new DomainError.Invalid(
                    "invalid_client_ref",
                    "clientRef is 1 to 128 letters, digits, '.', '_', ':' or '-', starting with a letter or digit");
        }
        PostRequest request = request(body);
        return posts.upsert(caller.id(), clientRef, request)
                .map(snapshot -> (snapshot.created()
                                ? Response.created(URI.create("/v1/posts/" + snapshot.post().id))
                                : Response.ok())
                        .entity(PostView.of(snapshot))
                        .build());
    }

    @GET
    @Path("/{ref}")
    @Operation(
            operationId = "getPost",
            summary =
                    "A post, by its id or the project's clientRef, with each target's status, live post id and permalink, or error")
    @APIResponse(
            responseCode = "404",
            description = "No such post in the key's project",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "200",
            description = "The post",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PostView.class)))
    public Uni<PostView> get(@PathParam("ref") String ref) {
        return posts.get(caller.id(), ref).map(PostView::of);
    }

    @GET
    @Operation(
            operationId = "listPosts",
            summary = "Posts with a target scheduled between from (inclusive) and to (exclusive), by slot")
    @APIResponse(
            responseCode = "400",
            description = "invalid_time, invalid_window or invalid_status",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "200",
            description = "The posts, by slot",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(type = SchemaType.ARRAY, implementation = PostView.class)))
    public Uni<List<PostView>> list(
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("status") String status) {
        TimeWindow window = TimeWindow.of(from, to, Instant.now().minus(java.time.Duration.ofDays(7)));
        List<String> statuses = Arrays.stream(TargetStatus.values())
                .map(TargetStatus::wire)
                .sorted()
                .toList();
        if (status != null && !statuses.contains(status)) {
            throw new DomainError.Invalid("invalid_status", "status is one of " + statuses);
        }
        return posts.list(
                        caller.id(),
                        window.from(),
                        window.to(),
                        Optional.ofNullable(status).map(TargetStatus::ofWire))
                .map(all -> all.stream().map(PostView::of).toList());
    }

    @POST
    @Path("/{ref}/cancel")
    @Operation(operationId = "cancelPost", summary = "Cancel every target of a post that has not started publishing")
    @APIResponse(
            responseCode = "404",
            description = "No such post in the key's project",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "409",
            description = "A target has started publishing (code post_locked)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "200",
            description = "The canceled post",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PostView.class)))
    public Uni<PostView> cancel(@PathParam("ref") String ref) {
        return posts.cancel(caller.id(), ref).map(PostView::of);
    }

    /**
     * @param url            the live post's link (https)
     * @param externalPostId the platform's id of the post; taken from the link when absent
     * @param postedAt       when it went live; now when absent
     */
    public record MarkPostedBody(
            @NotBlank @Size(max = 2_000) String url,
            @Size(max = 200) String externalPostId,
            String postedAt) {}

    @POST
    @Path("/{ref}/targets/{targetId}/mark-posted")
    @Operation(
            operationId = "markPosted",
            summary = "Report a manual target posted by a person: it counts as published and post.published is emitted")
    @APIResponse(
            responseCode = "400",
            description = "invalid_url, invalid_time or posted_in_future",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "404",
            description = "No such post or target in the key's project",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "409",
            description = "not_manual, already_published or target_closed (canceled or failed)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "200",
            description = "The post, its target published",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PostView.class)))
    public Uni<PostView> markPosted(
            @PathParam("ref") String ref, @PathParam("targetId") String targetId, @Valid @NotNull MarkPostedBody body) {
        UUID target = io.contentfactory.kit.api.PathIds.uuid(targetId);
        URI url = liveUrl(body.url());
        Instant postedAt = body.postedAt() == null ? Instant.now() : ApiValues.instant("postedAt", body.postedAt());
        if (postedAt.isAfter(Instant.now().plusSeconds(60))) {
            throw new DomainError.Invalid("posted_in_future", "postedAt is in the future");
        }
        String externalId =
                body.externalPostId() != null && !body.externalPostId().isBlank()
                        ? body.externalPostId().strip()
                        : idFrom(url);
        return posts.markPosted(
                        caller.id(), ref, target, new PostService.ManualPost(url.toString(), externalId, postedAt))
                .map(PostView::of);
    }

    private static URI liveUrl(String value) {
        try {
            URI url = new URI(value.strip());
            if (!"https".equalsIgnoreCase(url.getScheme()) || url.getHost() == null) {
                throw new java.net.URISyntaxException(value, "not an absolute https URL");
            }
            return url;
        } catch (java.net.URISyntaxException e) {
            throw new DomainError.Invalid("invalid_url", "url is the live post's https link");
        }
    }

    /** The last path segment of the link: the post's id on Instagram (/p/ID/), TikTok (/video/ID) and YouTube (/shorts/ID). */
    private static String idFrom(URI url) {
        String path = url.getPath() == null ? "" : url.getPath().replaceAll("/+$", "");
        String last = path.substring(path.lastIndexOf('/') + 1);
        return last.isEmpty() ? url.toString() : last;
    }

    private static PostRequest request(PostBody body) {
        List<PostRequest.Target> targets = body.targets().stream()
                .map(target -> {
                    Platform platform = ApiValues.enumValue(Platform.class, target.platform(), "invalid_platform");
                    PostFormat format = ApiValues.enumValue(PostFormat.class, target.format(), "invalid_format");
                    if (!platform.formats().contains(format)) {
                        throw new DomainError.Invalid(
                                "format_not_supported", target.platform() + " does not publish " + target.format());
                    }
                    return new PostRequest.Target(platform, target.accountId().strip(), format);
                })
                .toList();
        String mode = body.mode() == null ? "auto" : body.mode();
        if (!MODES.contains(mode)) {
            throw new DomainError.Invalid("invalid_mode", "mode is auto or manual");
        }
        String review = body.reviewStatus() == null ? "approved" : body.reviewStatus();
        if (!REVIEW.contains(review)) {
            throw new DomainError.Invalid("invalid_review_status", "reviewStatus is draft, approved or rejected");
        }
        Instant at = body.scheduledAt() == null || "auto".equals(body.scheduledAt())
                ? null
                : ApiValues.instant("scheduledAt", body.scheduledAt());
        Caption caption = body.caption() == null ? new Caption("", null, List.of()) : body.caption();
        return new PostRequest(
                body.mediaIds(),
                targets,
                caption.body(),
                caption.disclosure(),
                caption.hashtags() == null ? List.of() : caption.hashtags(),
                at,
                mode,
                review);
    }
}
