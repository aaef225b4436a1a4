package io.contentfactory.sandbox.instagram;

import io.contentfactory.sandbox.common.FaultArming;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** What the sandbox holds, for tests and the demo to check what really went out, and fault injection. Not part of Instagram's API. */
@Path("/sandbox/instagram")
public class SandboxInspectionResource {

    private final FaultArming faultArming;

    private final InstagramSandbox sandbox;

    SandboxInspectionResource(InstagramSandbox sandbox, FaultArming faultArming) {
        this.faultArming = faultArming;
        this.sandbox = sandbox;
    }

    public record LimitRequest(String accountId, Integer limit) {}

    /** Overrides an account's rolling 24 h publishing limit. */
    @POST
    @Path("/publish-limit")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response publishLimit(LimitRequest request) {
        if (request == null || request.accountId() == null || request.limit() == null || request.limit() < 0) {
            return Response.status(400)
                    .entity("accountId and a limit of 0 or more are required")
                    .build();
        }
        sandbox.overridePublishLimit(request.accountId(), request.limit());
        return Response.noContent().build();
    }

    public record GrantRequest(String accountId, Long ttlSeconds) {}

    public record ProcessingRequest(String accountId, Long millis) {}

    /** Overrides how long an account's containers stay IN_PROGRESS. */
    @POST
    @Path("/processing")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response processing(ProcessingRequest request) {
        if (request == null || request.accountId() == null || request.millis() == null || request.millis() < 0) {
            return Response.status(400)
                    .entity("accountId and millis of 0 or more are required")
                    .build();
        }
        sandbox.overrideProcessing(request.accountId(), java.time.Duration.ofMillis(request.millis()));
        return Response.noContent().build();
    }

    /** {@code accountId} may also name one media id. */
    public record InsightsDelayRequest(String accountId, Long millis) {}

    /** How long an account's posts (or one post) answer empty insights after publishing (the platform's lag). */
    @POST
    @Path("/insights-delay")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response insightsDelay(InsightsDelayRequest request) {
        if (request == null || request.accountId() == null || request.millis() == null || request.millis() < 0) {
            return Response.status(400)
                    .entity("accountId and millis of 0 or more are required")
                    .build();
        }
        sandbox.delayInsights(request.accountId(), java.time.Duration.ofMillis(request.millis()));
        return Response.noContent().build();
    }

    public record UsageRequest(String accountId, Integer percent) {}

    /** Makes an account's reads report this share of its budget used (Meta's throttling starts at 100 %). */
    @POST
    @Path("/usage")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response usage(UsageRequest request) {
        if (request == null
                || request.accountId() == null
                || request.percent() == null
                || request.percent() < 0
                || request.percent() > 100) {
            return Response.status(400)
                    .entity("accountId and a percent from 0 to 100 are required")
                    .build();
        }
        sandbox.forceUsage(request.accountId(), request.percent());
        return Response.noContent().build();
    }

    public record BackdateRequest(String mediaId, Long seconds) {}

    /** Makes a post older, with the insights and comments of its new age ({@link InstagramSandbox#backdate}). */
    @POST
    @Path("/backdate")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response backdate(BackdateRequest request) {
        if (request == null || request.mediaId() == null || request.seconds() == null || request.seconds() < 0) {
            return Response.status(400)
                    .entity("mediaId and seconds of 0 or more are required")
                    .build();
        }
        return sandbox.backdate(request.mediaId(), java.time.Duration.ofSeconds(request.seconds()))
                .map(media -> Response.noContent().build())
                .orElseGet(() -> Response.status(404)
                        .entity("no sandbox post " + request.mediaId())
                        .build());
    }

    /** A comment as the sandbox wrote it, with the sentiment label it was given: for tests and benchmarks only. */
    public record LabelledComment(String id, String text, String label) {}

    /** The post's comments so far, oldest first, each with its known label. */
    @GET
    @Path("/media/{id}/comment-labels")
    @Produces(MediaType.APPLICATION_JSON)
    public List<LabelledComment> commentLabels(@PathParam("id") String mediaId) {
        InstagramSandbox.PublishedMedia media =
                sandbox.media(mediaId).orElseThrow(() -> new NotFoundException("no sandbox post " + mediaId));
        CommentThread thread = new CommentThread(media);
        return java.util.stream.LongStream.rangeClosed(1, thread.count(java.time.Instant.now()))
                .mapToObj(thread::comment)
                .map(comment -> new LabelledComment(comment.id(), comment.text(), comment.label()))
                .toList();
    }

    /** A token for an account, as the end of the Instagram Login flow gives one (default: long-lived, 60 days). */
    @POST
    @Path("/grants")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response grant(GrantRequest request) {
        if (request == null || request.accountId() == null) {
            return Response.status(400).entity("accountId is required").build();
        }
        java.time.Duration ttl = request.ttlSeconds() == null
                ? InstagramSandbox.LONG_LIVED
                : java.time.Duration.ofSeconds(request.ttlSeconds());
        return Response.ok(sandbox.grant(request.accountId(), ttl)).build();
    }

    @GET
    @Path("/media")
    @Produces(MediaType.APPLICATION_JSON)
    public List<InstagramSandbox.PublishedMedia> media() {
        return sandbox.allMedia();
    }

    public record DirectMedia(String accountId, String mediaType, String caption, Long ageSeconds, Integer count) {}

    /**
     * {@code count} (1 by default, at most 10,000) posts live at once, {@code ageSeconds} old, without the publishing
     * flow: for tests and benchmarks of reading metrics. Answers their media ids.
     */
    @POST
    @Path("/media")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response publishDirectly(DirectMedia request) {
        int count = request == null || request.count() == null ? 1 : request.count();
        if (request == null || request.accountId() == null || count < 1 || count > 10_000) {
            return Response.status(400)
                    .entity("accountId is required, and count is 1 to 10,000")
                    .build();
        }
        String mediaType = request.mediaType() == null ? "IMAGE" : request.mediaType();
        java.time.Instant at = java.time.Instant.now()
                .minusSeconds(request.ageSeconds() == null ? 0 : Math.max(0, request.ageSeconds()));
        List<String> ids = new java.util.ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ids.add(sandbox.publishDirectly(request.accountId(), mediaType, request.caption(), at)
                    .id());
        }
        return Response.ok(ids).build();
    }

    @GET
    @Path("/p/{shortcode}")
    @Produces(MediaType.TEXT_HTML)
    public String permalink(@PathParam("shortcode") String shortcode) {
        InstagramSandbox.PublishedMedia media = sandbox.byShortcode(shortcode.replace("/", ""))
                .orElseThrow(() -> new NotFoundException("no sandbox post " + shortcode));
        return "<!doctype html><title>Sandbox post " + media.shortcode() + "</title><h1>@"
                + io.contentfactory.sandbox.common.HttpParts.escapeHtml(media.accountId()) + "</h1><p>"
                + io.contentfactory.sandbox.common.HttpParts.escapeHtml(media.caption()) + "</p><p>" + media.mediaType()
                + " published " + media.timestamp() + "</p>";
    }

    /** Arms faults on this platform's calls; see {@link FaultArming}. */
    @POST
    @Path("/faults")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response arm(FaultArming.FaultRequest request) {
        return faultArming.arm("instagram", request);
    }
}
