package io.contentfactory.publisher.platform;

import io.contentfactory.contracts.events.Platform;
import io.contentfactory.publisher.domain.LivePost;
import io.contentfactory.publisher.domain.PublishFailure;
import io.contentfactory.publisher.domain.PublishRequest;
import io.contentfactory.publisher.domain.QuotaLedger;
import io.contentfactory.publisher.domain.TokenGrant;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.MultiMap;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * YouTube Shorts through the Data API's resumable {@code videos.insert}: a session is opened (its URI is the handle
 * the job stores), the bytes are sent, and the video's processing is polled until it is {@code processed}. A resumed
 * job asks the session how much arrived ({@code Content-Range: bytes *}{@code /size}) and sends only the rest, or finds
 * the finished video; it never opens a second session.
 */
@ApplicationScoped
public class YouTubeAdapter implements PlatformAdapter {

    private static final Set<String> QUOTA_REASONS =
            Set.of("quotaExceeded", "uploadLimitExceeded", "rateLimitExceeded", "userRateLimitExceeded");

    private final YouTubeConfig config;
    private final WebClient http;
    private final Vertx vertx;
    private final MediaDownloads downloads;
    private final String baseUrl;

    YouTubeAdapter(YouTubeConfig config, Vertx vertx, MediaDownloads downloads, WebClient http) {
        this.http = http;
        this.config = config;
        this.vertx = vertx;
        this.downloads = downloads;
        this.baseUrl = config.baseUrl().replaceAll("/+$", "");
    }

    @Override
    public Platform platform() {
        return Platform.YOUTUBE;
    }

    /** The daily upload quota, counted from midnight Pacific; over it the job waits for the next quota day. */
    @Override
    public Uni<Optional<Instant>> quotaWait(PublishRequest request, String token, QuotaLedger ledger) {
        LocalDate today = LocalDate.now(config.quotaZone());
        Instant dayStart = today.atStartOfDay(config.quotaZone()).toInstant();
        return ledger.startsSince(dayStart)
                .map(starts -> starts.count() < config.dailyUploads()
                        ? Optional.empty()
                        : Optional.of(today.plusDays(1)
                                .atStartOfDay(config.quotaZone())
                                .toInstant()));
    }

    @Override
    public Uni<String> start(PublishRequest request, String token) {
        JsonObject metadata = new JsonObject()
                .put(
                        "snippet",
                        new JsonObject()
                                .put("title", title(request.caption()))
                                .put("description", request.caption())
                                .put("categoryId", "22"))
                .put(
                        "status",
                        new JsonObject()
                                .put("privacyStatus", config.privacyStatus())
                                .put("selfDeclaredMadeForKids", false));
        return http.postAbs(baseUrl + "/upload/youtube/v3/videos")
                .timeout(30_000)
                .addQueryParam("uploadType", "resumable")
                .addQueryParam("part", "snippet,status")
                .addQueryParam("notifySubscribers", Boolean.toString(config.notifySubscribers()))
                .putHeader("Authorization", "Bearer " + token)
                .putHeader("Content-Type", "application/json; charset=UTF-8")
                .putHeader("X-Upload-Content-Type", request.contentType())
                .sendBuffer(Buffer.buffer(metadata.encode()))
                .map(response -> {
                    String session = response.getHeader("Location");
                    if (response.statusCode() / 100 != 2) {
                        throw failure(response, "upload");
                    }
                    if (session == null) {
                        throw new PublishFailure(
                                "youtube_bad_response", "the upload session has no Location", "upload", true, Map.of());
                    }
                    return session;
                })
                .onFailure()
                .transform(f -> PublishFailure.network(f, "upload"));
    }

    @Override
    public Uni<LivePost> complete(PublishRequest request, String token, String session) {
        return upload(request, token, session, 3)
                .chain(videoId -> Poller.until(
                        vertx,
                        config.poll(),
                        "youtube_processing",
                        Map.of("video_id", videoId),
                        () -> processing(token, videoId)))
                .map(videoId -> new LivePost(videoId, config.permalinkTemplate().replace("{id}", videoId)));
    }

    /** Google OAuth: a refresh answers a new access token; the refresh token stays as it is. */
    @Override
    public Uni<TokenGrant> refresh(String accessToken, String refreshToken) {
        MultiMap client = MultiMap.caseInsensitiveMultiMap()
                .add("client_id", config.clientId())
                .add("client_secret", config.clientSecret());
        return OAuthRefresh.refresh(http, config.tokenUrl(), "google", client, refreshToken, Duration.ofHours(1));
    }

    /**
     * The video's id once every byte is in: asks the session first, then sends what it lacks. An upload whose answer
     * does not come may have completed, so the session is asked again rather than the job failing into a new one.
     */
    private Uni<String> upload(PublishRequest request, String token, String session, int tries) {
        return downloads
                .fetch(request.mediaUrl(), "upload")
                .chain(download -> http.putAbs(session)
                        .timeout(30_000)
                        .putHeader("Authorization", "Bearer " + token)
                        .putHeader("Content-Length", "0")
                        .putHeader("Content-Range", "bytes */" + download.size())
                        .send()
                        .chain(answer -> switch (answer.statusCode()) {
                            case 200, 201 -> Uni.createFrom().item(answer);
                            case 308 -> sendFrom(received(answer.getHeader("Range")), session, token, download);
                            case 404, 410 ->
                                Uni.createFrom()
                                        .failure(new PublishFailure(
                                                "youtube_upload_session_expired",
                                                "the upload session is gone before the upload completed",
                                                "upload",
                                                true,
                                                Map.of(),
                                                PublishFailure.Evidence.NOTHING_LIVE));
                            default -> Uni.createFrom().failure(failure(answer, "upload"));
                        })
                        .eventually(download::delete))
                .map(response -> JsonAnswers.required(
                        JsonAnswers.body(response, "youtube", "upload"), "id", "youtube", "upload"))
                .onFailure()
                .transform(f -> PublishFailure.network(f, "upload"))
                .onFailure(failure -> PublishFailure.isTimeout(failure) && tries > 1)
                .recoverWithUni(() -> upload(request, token, session, tries - 1));
    }

    private Uni<HttpResponse<Buffer>> sendFrom(
            long offset, String session, String token, MediaDownloads.Download download) {
        long length = download.size() - offset;
        return download.range(offset, length)
                .chain(file -> http.putAbs(session)
                        .timeout(config.uploadTimeout().toMillis())
                        .putHeader("Authorization", "Bearer " + token)
                        .putHeader("Content-Type", download.contentType())
                        .putHeader("Content-Length", Long.toString(length))
                        .putHeader(
                                "Content-Range",
                                "bytes " + offset + "-" + (download.size() - 1) + "/" + download.size())
                        .sendStream(file))
                .map(response -> {
                    if (response.statusCode() != 200 && response.statusCode() != 201) {
                        throw failure(response, "upload");
                    }
                    return response;
                });
    }

    /** The next byte to send after a {@code Range: bytes=0-N} answer; no header means nothing arrived. */
    private static long received(String range) {
        if (range == null || !range.startsWith("bytes=")) {
            return 0;
        }
        return Long.parseLong(range.substring(range.indexOf('-') + 1).trim()) + 1;
    }

    private Uni<Optional<String>> processing(String token, String videoId) {
        return http.getAbs(baseUrl + "/youtube/v3/videos")
                .timeout(15_000)
                .addQueryParam("part", "status,processingDetails")
                .addQueryParam("id", videoId)
                .putHeader("Authorization", "Bearer " + token)
                .send()
                .map(response -> {
                    if (response.statusCode() / 100 != 2) {
                        throw failure(response, "poll");
                    }
                    JsonArray items =
                            JsonAnswers.body(response, "youtube", "poll").getJsonArray("items", new JsonArray());
                    if (items.isEmpty()) {
                        throw new PublishFailure(
                                "youtube_video_missing",
                                "video " + videoId + " is not on YouTube (deleted?)",
                                "poll",
                                false,
                                Map.of("video_id", videoId));
                    }
                    JsonObject status = items.getJsonObject(0).getJsonObject("status", new JsonObject());
                    return switch (status.getString("uploadStatus", "")) {
                        case "processed" -> Optional.of(videoId);
                        case "uploaded" -> Optional.<String>empty();
                        default -> throw rejected(videoId, status);
                    };
                })
                .onFailure()
                .transform(f -> PublishFailure.network(f, "poll"));
    }

    private static PublishFailure rejected(String videoId, JsonObject status) {
        String state = status.getString("uploadStatus", "unknown");
        String reason = status.getString("rejectionReason", status.getString("failureReason", state));
        return new PublishFailure(
                "youtube_" + state + "_" + reason,
                "YouTube " + state + " video " + videoId + ": " + reason,
                "poll",
                false,
                Map.of("video_id", videoId, "upload_status", state, "reason", reason));
    }

    /** Google's error object: {@code error.errors[0].reason} says what went wrong. */
    private static PublishFailure failure(HttpResponse<Buffer> response, String stage) {
        JsonObject error = JsonAnswers.body(response, "youtube", stage).getJsonObject("error", new JsonObject());
        JsonArray errors = error.getJsonArray("errors", new JsonArray());
        String reason = errors.isEmpty()
                ? "http_" + response.statusCode()
                : errors.getJsonObject(0).getString("reason", "unknown");
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("http_status", response.statusCode());
        details.put("reason", reason);
        boolean retryable = response.statusCode() >= 500 || QUOTA_REASONS.contains(reason);
        String code = response.statusCode() == 401 ? "platform_auth_invalid" : "youtube_" + reason;
        return new PublishFailure(
                code, error.getString("message", "HTTP " + response.statusCode()), stage, retryable, details);
    }

    /** A title is the caption's first line, within YouTube's 100 characters and without angle brackets. */
    static String title(String caption) {
        String line = caption.strip()
                .lines()
                .findFirst()
                .orElse("")
                .replaceAll("[<>]", "")
                .strip();
        if (line.isEmpty()) {
            line = "Short";
        }
        return line.length() <= 100 ? line : line.substring(0, 100);
    }
}
