package io.contentfactory.sandbox.youtube;

import io.contentfactory.sandbox.common.Fault;
import io.contentfactory.sandbox.common.FaultInjector;
import io.contentfactory.sandbox.common.Faults;
import io.contentfactory.sandbox.common.HttpParts;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The YouTube Data API v3 subset a Short needs, under {@code /youtube}: the resumable {@code videos.insert} (open a
 * session, send bytes, ask a session how much arrived) and {@code videos.list} with status and processing details.
 */
@Path("/youtube")
@Produces(MediaType.APPLICATION_JSON)
public class YouTubeResource {

    private static final String PLATFORM = "youtube";
    private static final String UPLOAD_PATH = "/upload/youtube/v3/videos";

    private final YouTubeSandbox sandbox;
    private final FaultInjector faults;
    private final String publicBaseUrl;

    YouTubeResource(
            YouTubeSandbox sandbox,
            FaultInjector faults,
            @ConfigProperty(name = "sandbox.public-base-url") String publicBaseUrl) {
        this.sandbox = sandbox;
        this.faults = faults;
        this.publicBaseUrl = publicBaseUrl;
    }

    /** Opens a resumable session: {@code 200} with the session URI in {@code Location}. */
    @POST
    @Path(UPLOAD_PATH)
    @Consumes(MediaType.WILDCARD)
    public Uni<Response> insert(
            @HeaderParam("Authorization") String authorization,
            @QueryParam("uploadType") String uploadType,
            @QueryParam("part") String part,
            @QueryParam("notifySubscribers") Boolean notifySubscribers,
            String body) {
        String channel = channel(authorization);
        if (!"resumable".equals(uploadType)) {
            throw new GoogleError(400, "invalidParameter", "global", "uploadType must be resumable here");
        }
        if (part == null || !part.contains("snippet")) {
            throw new GoogleError(400, "required", "global", "Required parameter: part");
        }
        JsonObject metadata = body == null || body.isBlank() ? new JsonObject() : new JsonObject(body);
        JsonObject snippet = metadata.getJsonObject("snippet", new JsonObject());
        String title = snippet.getString("title", "");
        if (title.isBlank() || title.length() > 100 || title.contains("<") || title.contains(">")) {
            throw new GoogleError(
                    400, "invalidTitle", "youtube.video", "The request metadata specifies an invalid video title.");
        }
        if (!sandbox.hasQuota(channel)) {
            throw GoogleError.quotaExceeded();
        }
        Optional<Fault> fault = faults.take(PLATFORM, channel, "INSERT");
        return Faults.apply(
                fault,
                () -> {
                    YouTubeSandbox.Session session = sandbox.open(
                            channel,
                            title,
                            snippet.getString("description", ""),
                            metadata.getJsonObject("status", new JsonObject()).getString("privacyStatus", "private"),
                            notifySubscribers == null || notifySubscribers,
                            Faults.is(fault, Fault.ERROR));
                    return Uni.createFrom()
                            .item(Response.ok()
                                    .header(
                                            "Location",
                                            publicBaseUrl + "/youtube" + UPLOAD_PATH
                                                    + "?uploadType=resumable&upload_id=" + session.id)
                                    .build());
                },
                GoogleError::forFault);
    }

    /**
     * Bytes for a session ({@code Content-Range: bytes first-last/total}, continuing where it stands), or a status
     * question ({@code Content-Range: bytes *}{@code /total}, no body): {@code 308} with {@code Range} while incomplete,
     * {@code 201} with the video once complete.
     */
    @PUT
    @Path(UPLOAD_PATH)
    @Consumes(MediaType.WILDCARD)
    public Uni<Response> upload(
            @HeaderParam("Authorization") String authorization,
            @QueryParam("upload_id") String uploadId,
            @HeaderParam("Content-Range") String range,
            @HeaderParam("Content-Type") String contentType,
            byte[] bytes) {
        String channel = channel(authorization);
        YouTubeSandbox.Session session = sandbox.session(uploadId)
                .filter(s -> s.channelId.equals(channel))
                .orElseThrow(() -> new NotFoundException("no upload session " + uploadId));
        if (range != null && range.startsWith("bytes */")) {
            return Uni.createFrom().item(state(session));
        }
        long[] span = HttpParts.contentRange(range);
        if (span == null || span[0] != session.received || span[1] - span[0] + 1 != bytes.length) {
            throw new GoogleError(
                    400, "badContent", "global", "Content-Range must continue at byte " + session.received);
        }
        return Faults.apply(
                faults.take(PLATFORM, channel, "UPLOAD"),
                () -> {
                    if (session.received == 0) {
                        session.firstContentType = contentType;
                    }
                    session.size = span[2];
                    session.received += bytes.length;
                    return Uni.createFrom().item(state(session));
                },
                GoogleError::forFault);
    }

    @GET
    @Path("/youtube/v3/videos")
    public Uni<Map<String, Object>> list(
            @HeaderParam("Authorization") String authorization,
            @QueryParam("id") String ids,
            @QueryParam("part") String part) {
        String channel = channel(authorization);
        spend(channel);
        boolean statistics = part != null && List.of(part.split(",")).contains("statistics");
        return Faults.apply(
                faults.take(PLATFORM, channel, "STATUS"),
                () -> {
                    List<Map<String, Object>> items = new ArrayList<>();
                    Instant now = Instant.now();
                    for (String id : ids == null ? new String[0] : ids.split(",")) {
                        sandbox.video(id.trim()).ifPresent(video -> {
                            Map<String, Object> item = new LinkedHashMap<>(resource(video));
                            if (statistics) {
                                item.put("statistics", statistics(video, now));
                            }
                            items.add(item);
                        });
                    }
                    return Uni.createFrom()
                            .item(Map.<String, Object>of(
                                    "kind",
                                    "youtube#videoListResponse",
                                    "items",
                                    items,
                                    "pageInfo",
                                    Map.of("totalResults", items.size(), "resultsPerPage", items.size())));
                },
                GoogleError::forFault);
    }

    /**
     * {@code commentThreads.list} for one video: threads newest first ({@code order=time}), each with its top-level
     * comment and its replies, {@code maxResults} 1–100 (20 by default), paged by an opaque {@code pageToken}.
     */
    @GET
    @Path("/youtube/v3/commentThreads")
    public Uni<Map<String, Object>> commentThreads(
            @HeaderParam("Authorization") String authorization,
            @QueryParam("part") String part,
            @QueryParam("videoId") String videoId,
            @QueryParam("maxResults") Integer maxResults,
            @QueryParam("pageToken") String pageToken) {
        String channel = channel(authorization);
        if (part == null || !part.contains("snippet")) {
            throw new GoogleError(400, "required", "global", "Required parameter: part");
        }
        if (videoId == null || videoId.isBlank()) {
            throw new GoogleError(400, "missingRequiredParameter", "youtube.parameter", "No filter selected.");
        }
        if (maxResults != null && (maxResults < 1 || maxResults > 100)) {
            throw new GoogleError(
                    400, "invalidValue", "youtube.parameter", "Invalid value for maxResults: " + maxResults);
        }
        spend(channel);
        YouTubeSandbox.Video video = sandbox.video(videoId)
                .orElseThrow(() -> new GoogleError(
                        404,
                        "videoNotFound",
                        "youtube.commentThread",
                        "The video identified by the <code>videoId</code> parameter could not be found."));
        return Faults.apply(
                faults.take(PLATFORM, channel, "COMMENTS"),
                () -> Uni.createFrom()
                        .item(CommentThreadListing.page(
                                new VideoComments(video),
                                part.contains("replies"),
                                maxResults == null ? 20 : maxResults,
                                pageToken,
                                Instant.now())),
                GoogleError::forFault);
    }

    /**
     * {@code comments.list} by {@code parentId}: a thread's replies, oldest first, {@code maxResults} 1–100 (20 by
     * default), paged by an opaque {@code pageToken}; what a client reads when a thread has more replies than
     * {@code commentThreads.list} includes with it.
     */
    @GET
    @Path("/youtube/v3/comments")
    public Uni<Map<String, Object>> comments(
            @HeaderParam("Authorization") String authorization,
            @QueryParam("part") String part,
            @QueryParam("parentId") String parentId,
            @QueryParam("maxResults") Integer maxResults,
            @QueryParam("pageToken") String pageToken) {
        String channel = channel(authorization);
        if (part == null || !part.contains("snippet")) {
            throw new GoogleError(400, "required", "global", "Required parameter: part");
        }
        if (parentId == null || parentId.isBlank()) {
            throw new GoogleError(400, "missingRequiredParameter", "youtube.parameter", "No filter selected.");
        }
        if (maxResults != null && (maxResults < 1 || maxResults > 100)) {
            throw new GoogleError(
                    400, "invalidValue", "youtube.parameter", "Invalid value for maxResults: " + maxResults);
        }
        spend(channel);
        GoogleError notFound = new GoogleError(
                404,
                "commentNotFound",
                "youtube.comment",
                "One or more of the comments identified by the <code>parentId</code> parameter cannot be found.");
        VideoComments comments = VideoComments.videoIdOf(parentId)
                .flatMap(sandbox::video)
                .map(VideoComments::new)
                .orElseThrow(() -> notFound);
        long thread = comments.threadIndex(parentId).orElseThrow(() -> notFound);
        Instant now = Instant.now();
        if (thread > comments.count(now)) {
            throw notFound;
        }
        return Faults.apply(
                faults.take(PLATFORM, channel, "COMMENTS"),
                () -> Uni.createFrom()
                        .item(CommentThreadListing.replies(
                                comments, thread, maxResults == null ? 20 : maxResults, pageToken, now)),
                GoogleError::forFault);
    }

    @GET
    @Path("/shorts/{id}")
    @Produces(MediaType.TEXT_HTML)
    public String permalink(@PathParam("id") String id) {
        YouTubeSandbox.Video video =
                sandbox.video(id).orElseThrow(() -> new NotFoundException("no sandbox Short " + id));
        return "<!doctype html><title>" + HttpParts.escapeHtml(video.title()) + "</title><h1>"
                + HttpParts.escapeHtml(video.title()) + "</h1><p>" + HttpParts.escapeHtml(video.description())
                + "</p><p>uploaded " + video.uploadedAt() + "</p>";
    }

    private Response state(YouTubeSandbox.Session session) {
        if (session.size > 0 && session.received == session.size) {
            return Response.status(201)
                    .entity(resource(sandbox.complete(session)))
                    .build();
        }
        Response.ResponseBuilder incomplete = Response.status(308);
        if (session.received > 0) {
            incomplete.header("Range", "bytes=0-" + (session.received - 1));
        }
        return incomplete.build();
    }

    private static Map<String, Object> resource(YouTubeSandbox.Video video) {
        String uploadStatus = video.uploadStatus(Instant.now());
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("uploadStatus", uploadStatus);
        if ("failed".equals(uploadStatus)) {
            status.put("failureReason", video.failureReason());
        }
        status.put("privacyStatus", video.privacyStatus());
        status.put("selfDeclaredMadeForKids", false);
        return Map.of(
                "kind",
                "youtube#video",
                "id",
                video.id(),
                "snippet",
                Map.of(
                        "title",
                        video.title(),
                        "description",
                        video.description(),
                        "channelId",
                        video.channelId(),
                        "publishedAt",
                        video.uploadedAt().toString()),
                "status",
                status,
                "processingDetails",
                Map.of(
                        "processingStatus",
                        switch (uploadStatus) {
                            case "processed" -> "succeeded";
                            case "failed" -> "failed";
                            default -> "processing";
                        }));
    }

    /** A read costs one unit of the Data API's daily quota; over it, 403 {@code quotaExceeded}. */
    private void spend(String channel) {
        if (!sandbox.spendUnits(channel, 1)) {
            throw GoogleError.quotaExceeded();
        }
    }

    /**
     * A video's public counters, as the Data API answers them: unsigned 64-bit values as JSON strings; a video that
     * is not live yet has none.
     */
    private static Map<String, Object> statistics(YouTubeSandbox.Video video, Instant now) {
        if (!"processed".equals(video.uploadStatus(now))) {
            return Map.of();
        }
        Map<String, Object> statistics = new LinkedHashMap<>();
        statistics.put("viewCount", Long.toString(video.views(now)));
        statistics.put("likeCount", Long.toString(video.likes(now)));
        statistics.put("favoriteCount", "0");
        statistics.put("commentCount", Long.toString(video.comments(now)));
        return statistics;
    }

    private String channel(String authorization) {
        return sandbox.channelOfBearer(authorization);
    }
}
