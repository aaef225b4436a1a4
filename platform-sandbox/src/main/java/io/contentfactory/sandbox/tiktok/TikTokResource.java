package io.contentfactory.sandbox.tiktok;

import io.contentfactory.sandbox.common.Fault;
import io.contentfactory.sandbox.common.FaultInjector;
import io.contentfactory.sandbox.common.Faults;
import io.contentfactory.sandbox.common.HttpParts;
import io.contentfactory.sandbox.common.MediaFetcher;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * TikTok's Content Posting API (direct post) and OAuth token endpoint under {@code /tiktok}: creator info, video init
 * from a URL or as a chunked file upload, the upload itself, status fetch, and refresh-token rotation.
 */
@Path("/tiktok")
@Produces(MediaType.APPLICATION_JSON)
public class TikTokResource {

    private static final String PLATFORM = "tiktok";

    private final TikTokSandbox sandbox;
    private final FaultInjector faults;
    private final MediaFetcher media;
    private final String publicBaseUrl;

    TikTokResource(
            TikTokSandbox sandbox,
            FaultInjector faults,
            MediaFetcher media,
            @ConfigProperty(name = "sandbox.public-base-url") String publicBaseUrl) {
        this.sandbox = sandbox;
        this.faults = faults;
        this.media = media;
        this.publicBaseUrl = publicBaseUrl;
    }

    @POST
    @Path("/v2/post/publish/creator_info/query/")
    public Uni<Map<String, Object>> creatorInfo(@HeaderParam("Authorization") String authorization) {
        TikTokSandbox.Creator creator = sandbox.creator(bearer(authorization));
        return Faults.apply(
                faults.take(PLATFORM, creator.openId(), "CREATOR_INFO"),
                () -> Uni.createFrom()
                        .item(ok(Map.of(
                                "creator_avatar_url",
                                publicBaseUrl + "/tiktok/avatar/" + creator.openId(),
                                "creator_username",
                                creator.username(),
                                "creator_nickname",
                                creator.username(),
                                "privacy_level_options",
                                creator.privacyLevels(),
                                "comment_disabled",
                                false,
                                "duet_disabled",
                                false,
                                "stitch_disabled",
                                false,
                                "max_video_post_duration_sec",
                                600))),
                TikTokError::forFault);
    }

    @POST
    @Path("/v2/post/publish/video/init/")
    @Consumes(MediaType.WILDCARD)
    public Uni<Map<String, Object>> init(@HeaderParam("Authorization") String authorization, String body) {
        String token = bearer(authorization);
        TikTokSandbox.Creator creator = sandbox.creator(token);
        Optional<Fault> fault = faults.take(PLATFORM, creator.openId(), "INIT");
        JsonObject request = json(body);
        JsonObject postInfo = request.getJsonObject("post_info", new JsonObject());
        JsonObject source = request.getJsonObject("source_info", new JsonObject());
        String privacy = postInfo.getString("privacy_level");
        if (privacy == null || !creator.privacyLevels().contains(privacy)) {
            throw new TikTokError(
                    400,
                    "privacy_level_option_mismatch",
                    "privacy_level must be one of creator_info's privacy_level_options");
        }
        if (!creator.audited() && !"SELF_ONLY".equals(privacy)) {
            throw new TikTokError(
                    403,
                    "unaudited_client_can_only_post_to_private_accounts",
                    "Unaudited clients can only post to a private account");
        }
        if (!sandbox.admitInit(token)) {
            throw TikTokError.forFault(Fault.RATE_LIMIT);
        }
        return Faults.apply(
                fault,
                () -> switch (source.getString("source", "")) {
                    case "PULL_FROM_URL" -> pullFromUrl(creator, postInfo, privacy, source, fault);
                    case "FILE_UPLOAD" -> fileUpload(creator, postInfo, privacy, source, fault);
                    default ->
                        throw TikTokError.invalidParams("source_info.source must be PULL_FROM_URL or FILE_UPLOAD");
                },
                TikTokError::forFault);
    }

    private Uni<Map<String, Object>> pullFromUrl(
            TikTokSandbox.Creator creator,
            JsonObject postInfo,
            String privacy,
            JsonObject source,
            Optional<Fault> fault) {
        String url = source.getString("video_url");
        if (url == null || !url.startsWith("http")) {
            throw TikTokError.invalidParams("source_info.video_url is required");
        }
        TikTokSandbox.Publish publish = sandbox.start(
                creator, postInfo.getString("title", ""), privacy, "PULL_FROM_URL", 0, Faults.is(fault, Fault.ERROR));
        if (Faults.is(fault, Fault.MEDIA_FETCH_FAILED)) {
            sandbox.failed(publish, "video_pull_failed");
        } else {
            // TikTok answers the init at once and downloads afterwards.
            media.fetch(url)
                    .subscribe()
                    .with(
                            response -> {
                                if (response.statusCode() / 100 != 2) {
                                    sandbox.failed(publish, "video_pull_failed");
                                } else if (!MediaFetcher.contentType(response).startsWith("video/")) {
                                    sandbox.failed(publish, "file_format_check_failed");
                                } else {
                                    sandbox.received(publish);
                                }
                            },
                            failure -> sandbox.failed(publish, "video_pull_failed"));
        }
        return Uni.createFrom().item(ok(Map.of("publish_id", publish.id)));
    }

    private Uni<Map<String, Object>> fileUpload(
            TikTokSandbox.Creator creator,
            JsonObject postInfo,
            String privacy,
            JsonObject source,
            Optional<Fault> fault) {
        long size = source.getLong("video_size", 0L);
        long chunk = source.getLong("chunk_size", 0L);
        long count = source.getLong("total_chunk_count", 0L);
        if (size <= 0 || chunk <= 0 || count <= 0 || count != Math.max(1, size / chunk)) {
            throw TikTokError.invalidParams("video_size, chunk_size and total_chunk_count do not agree");
        }
        TikTokSandbox.Publish publish = sandbox.start(
                creator, postInfo.getString("title", ""), privacy, "FILE_UPLOAD", size, Faults.is(fault, Fault.ERROR));
        return Uni.createFrom()
                .item(ok(Map.of(
                        "publish_id", publish.id, "upload_url", publicBaseUrl + "/tiktok/upload/" + publish.id)));
    }

    /** One chunk of a FILE_UPLOAD, in order, with {@code Content-Range: bytes first-last/total}. */
    @PUT
    @Path("/upload/{publishId}")
    @Consumes(MediaType.WILDCARD)
    public Response upload(
            @PathParam("publishId") String publishId,
            @HeaderParam("Content-Range") String range,
            @HeaderParam("Content-Type") String contentType,
            byte[] chunk) {
        TikTokSandbox.Publish publish = sandbox.publish(publishId).orElseThrow(() -> new NotFoundException(publishId));
        long[] parsed = HttpParts.contentRange(range);
        if (parsed == null
                || parsed[2] != publish.size
                || parsed[0] != publish.received
                || parsed[1] - parsed[0] + 1 != chunk.length) {
            return Response.status(400)
                    .entity(Map.of(
                            "error",
                            Map.of(
                                    "code",
                                    "invalid_params",
                                    "message",
                                    "Content-Range must continue at byte " + publish.received + " of " + publish.size)))
                    .build();
        }
        if (publish.received == 0 && (contentType == null || !contentType.startsWith("video/"))) {
            sandbox.failed(publish, "file_format_check_failed");
        }
        publish.received += chunk.length;
        if (publish.received == publish.size) {
            sandbox.received(publish);
            return Response.status(201).build();
        }
        return Response.status(206).build();
    }

    @POST
    @Path("/v2/post/publish/status/fetch/")
    @Consumes(MediaType.WILDCARD)
    public Uni<Map<String, Object>> status(@HeaderParam("Authorization") String authorization, String body) {
        TikTokSandbox.Creator creator = sandbox.creator(bearer(authorization));
        String publishId = json(body).getString("publish_id");
        TikTokSandbox.Publish publish = sandbox.publish(publishId)
                .filter(p -> p.openId.equals(creator.openId()))
                .orElseThrow(() -> TikTokError.invalidParams("publish_id " + publishId + " does not exist"));
        return Faults.apply(
                faults.take(PLATFORM, creator.openId(), "STATUS"),
                () -> {
                    String status = sandbox.status(publish);
                    Map<String, Object> data = new LinkedHashMap<>();
                    data.put("status", status);
                    if ("FAILED".equals(status)) {
                        data.put("fail_reason", publish.failReason);
                    }
                    if ("FILE_UPLOAD".equals(publish.source)) {
                        data.put("uploaded_bytes", publish.received);
                    }
                    data.put(
                            "publicaly_available_post_id",
                            publish.postId != null && "PUBLIC_TO_EVERYONE".equals(publish.privacyLevel)
                                    ? List.of(publish.postId)
                                    : List.of());
                    return Uni.createFrom().item(ok(data));
                },
                TikTokError::forFault);
    }

    static final java.util.Set<String> VIDEO_FIELDS = java.util.Set.of(
            "id", "create_time", "title", "share_url", "view_count", "like_count", "comment_count", "share_count");
    static final int MAX_VIDEO_IDS = 20;

    /**
     * The Display API's {@code POST /v2/video/query/}: the token's own videos among {@code filters.video_ids} (up to
     * 20), with the {@code fields} asked for. An id that is not one of them (deleted, or another creator's) is simply
     * absent from {@code videos}. Over 600 calls a minute: 429 {@code rate_limit_exceeded}.
     */
    @POST
    @Path("/v2/video/query/")
    @Consumes(MediaType.WILDCARD)
    public Map<String, Object> queryVideos(
            @HeaderParam("Authorization") String authorization,
            @jakarta.ws.rs.QueryParam("fields") String fields,
            String body) {
        TikTokSandbox.Creator creator = sandbox.creator(bearer(authorization));
        if (fields == null || fields.isBlank()) {
            throw TikTokError.invalidParams("fields is required");
        }
        List<String> asked = List.of(fields.split(","));
        if (!VIDEO_FIELDS.containsAll(asked)) {
            throw TikTokError.invalidParams("unknown field in " + fields);
        }
        io.vertx.core.json.JsonArray ids = Optional.ofNullable(json(body).getJsonObject("filters"))
                .map(filters -> filters.getJsonArray("video_ids"))
                .orElse(null);
        if (ids == null || ids.isEmpty() || ids.size() > MAX_VIDEO_IDS) {
            throw TikTokError.invalidParams("filters.video_ids takes 1 to " + MAX_VIDEO_IDS + " ids");
        }
        if (!sandbox.admitQuery()) {
            throw new TikTokError(
                    429, "rate_limit_exceeded", "The API rate limit was exceeded. Please try again later.");
        }
        List<String> videoIds = ids.stream().map(String::valueOf).toList();
        sandbox.queried(videoIds);
        java.time.Instant now = java.time.Instant.now();
        List<Map<String, Object>> videos = new java.util.ArrayList<>();
        for (String id : videoIds) {
            sandbox.post(id)
                    .filter(post -> post.openId().equals(creator.openId()))
                    .ifPresent(post -> {
                        Map<String, Object> all = new LinkedHashMap<>();
                        all.put("id", post.id());
                        all.put("create_time", post.publishedAt().getEpochSecond());
                        all.put("title", post.title());
                        all.put("share_url", publicBaseUrl + "/tiktok/@" + post.username() + "/video/" + post.id());
                        all.putAll(post.counters(now));
                        Map<String, Object> video = new LinkedHashMap<>();
                        video.put("id", post.id());
                        asked.forEach(field -> video.put(field, all.get(field)));
                        videos.add(video);
                    });
        }
        return ok(Map.of("videos", videos, "cursor", 0, "has_more", false));
    }

    /** {@code POST /v2/oauth/token/} with {@code grant_type=refresh_token}; the refresh token rotates. */
    @POST
    @Path("/v2/oauth/token/")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response token(
            @FormParam("client_key") String clientKey,
            @FormParam("client_secret") String clientSecret,
            @FormParam("grant_type") String grantType,
            @FormParam("refresh_token") String refreshToken) {
        if (!sandbox.knowsClient(clientKey, clientSecret)) {
            return oauthError(401, "invalid_client", "Client key or secret is incorrect.");
        }
        if (!"refresh_token".equals(grantType)) {
            return oauthError(400, "unsupported_grant_type", "grant_type must be refresh_token");
        }
        Optional<Fault> fault = faults.take(
                PLATFORM, sandbox.accountOfRefresh(refreshToken).orElse(FaultInjector.ANY_ACCOUNT), "REFRESH");
        if (Faults.is(fault, Fault.SERVER_ERROR)) {
            return oauthError(500, "server_error", "Something went wrong.");
        }
        return sandbox.refresh(Faults.is(fault, Fault.ERROR) ? null : refreshToken)
                .map(issued -> Response.ok(Map.of(
                                "access_token",
                                issued.accessToken(),
                                "expires_in",
                                issued.expiresIn(),
                                "open_id",
                                issued.accountId(),
                                "refresh_expires_in",
                                31_536_000,
                                "refresh_token",
                                issued.refreshToken(),
                                "scope",
                                "user.info.basic,video.publish",
                                "token_type",
                                "Bearer"))
                        .build())
                .orElseGet(() -> oauthError(400, "invalid_grant", "Refresh token is invalid or expired."));
    }

    @GET
    @Path("/@{username}/video/{id}")
    @Produces(MediaType.TEXT_HTML)
    public String permalink(@PathParam("username") String username, @PathParam("id") String id) {
        TikTokSandbox.Post post = sandbox.post(id)
                .filter(p -> p.username().equals(username))
                .orElseThrow(() -> new NotFoundException("no sandbox TikTok " + id));
        return "<!doctype html><title>Sandbox TikTok " + post.id() + "</title><h1>@"
                + HttpParts.escapeHtml(post.username()) + "</h1><p>" + HttpParts.escapeHtml(post.title())
                + "</p><p>published " + post.publishedAt() + "</p>";
    }

    private static Response oauthError(int status, String error, String description) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON)
                .entity(Map.of("error", error, "error_description", description, "log_id", TikTokError.logId()))
                .build();
    }

    private static Map<String, Object> ok(Map<String, Object> data) {
        return Map.of("data", data, "error", Map.of("code", "ok", "message", "", "log_id", TikTokError.logId()));
    }

    private static String bearer(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            throw TikTokError.invalidToken();
        }
        return authorization.substring("Bearer ".length()).trim();
    }

    private static JsonObject json(String body) {
        try {
            return body == null || body.isBlank() ? new JsonObject() : new JsonObject(body);
        } catch (RuntimeException e) {
            throw TikTokError.invalidParams("the body is not JSON");
        }
    }
}
