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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * TikTok's Content Posting API, direct post: the creator's info is read first (which privacy levels they may post
 * with), the video is initialised from our storage's URL ({@code PULL_FROM_URL}) or sent in chunks
 * ({@code FILE_UPLOAD}), and the publish status is fetched until {@code PUBLISH_COMPLETE} or {@code FAILED}.
 *
 * <p>The handle the job stores is the {@code publish_id}, followed for FILE_UPLOAD by a space and the upload URL, so
 * that a resumed job can finish its upload instead of starting a second one.
 */
@ApplicationScoped
public class TikTokAdapter implements PlatformAdapter {

    /** Error codes that a later attempt may not meet again. */
    private static final Set<String> RETRYABLE_CODES =
            Set.of("rate_limit_exceeded", "internal_error", "spam_risk_too_many_pending_share");
    /** FAILED reasons a new attempt can cure: TikTok's own trouble, or our media not being fetched. */
    private static final Set<String> RETRYABLE_FAIL_REASONS =
            Set.of("internal", "video_pull_failed", "photo_pull_failed");

    private final TikTokConfig config;
    private final WebClient http;
    private final Vertx vertx;
    private final MediaDownloads downloads;
    private final String baseUrl;

    TikTokAdapter(TikTokConfig config, Vertx vertx, MediaDownloads downloads, WebClient http) {
        this.http = http;
        this.config = config;
        this.vertx = vertx;
        this.downloads = downloads;
        this.baseUrl = config.baseUrl().replaceAll("/+$", "");
    }

    @Override
    public Platform platform() {
        return Platform.TIKTOK;
    }

    /** TikTok allows a handful of video inits per minute and user; we count our own. */
    @Override
    public Uni<Optional<Instant>> quotaWait(PublishRequest request, String token, QuotaLedger ledger) {
        Duration window = Duration.ofMinutes(1);
        return ledger.startsSince(Instant.now().minus(window))
                .map(starts -> starts.count() < config.initsPerMinute()
                        ? Optional.empty()
                        : Optional.of(starts.oldest().plus(window).plusMillis(50)));
    }

    @Override
    public Uni<String> start(PublishRequest request, String token) {
        return creatorInfo(token).chain(creator -> {
            JsonArray options = creator.getJsonArray("privacy_level_options", new JsonArray());
            if (!options.contains(config.privacyLevel())) {
                return Uni.createFrom()
                        .failure(new PublishFailure(
                                "tiktok_privacy_level_unavailable",
                                "the creator cannot post with " + "privacy level " + config.privacyLevel()
                                        + "; TikTok offers " + options.encode(),
                                "upload",
                                false,
                                Map.of("privacy_level_options", options.getList())));
            }
            return verified(request.mediaUrl()) ? initFromUrl(request, token) : initUpload(request, token);
        });
    }

    @Override
    public Uni<LivePost> complete(PublishRequest request, String token, String handle) {
        String[] parts = handle.split(" ", 2);
        String publishId = parts[0];
        Uni<Void> uploaded = parts.length == 2
                ? finishUpload(request, token, publishId, parts[1])
                : Uni.createFrom().voidItem();
        return uploaded.chain(() -> Poller.until(
                        vertx,
                        config.poll(),
                        "tiktok_publish",
                        Map.of("publish_id", publishId),
                        () -> status(token, publishId).map(status -> finished(publishId, status))))
                .chain(postId -> creatorInfo(token)
                        .map(creator -> new LivePost(
                                postId,
                                config.permalinkTemplate()
                                        .replace("{username}", creator.getString("creator_username", ""))
                                        .replace("{id}", postId))));
    }

    /** {@code POST /v2/oauth/token/} with {@code grant_type=refresh_token}: TikTok rotates the refresh token too. */
    @Override
    public Uni<TokenGrant> refresh(String accessToken, String refreshToken) {
        MultiMap client = MultiMap.caseInsensitiveMultiMap()
                .add("client_key", config.clientKey())
                .add("client_secret", config.clientSecret());
        return OAuthRefresh.refresh(
                http, baseUrl + "/v2/oauth/token/", "tiktok", client, refreshToken, Duration.ofHours(24));
    }

    private boolean verified(String mediaUrl) {
        return config.verifiedUrlPrefixes().orElse(java.util.List.of()).stream().anyMatch(mediaUrl::startsWith);
    }

    private Uni<JsonObject> creatorInfo(String token) {
        return post("/v2/post/publish/creator_info/query/", token, new JsonObject(), "upload");
    }

    private Uni<String> initFromUrl(PublishRequest request, String token) {
        JsonObject body = new JsonObject()
                .put("post_info", postInfo(request))
                .put(
                        "source_info",
                        new JsonObject().put("source", "PULL_FROM_URL").put("video_url", request.mediaUrl()));
        return post("/v2/post/publish/video/init/", token, body, "upload")
                .map(data -> JsonAnswers.required(data, "publish_id", "tiktok", "upload"))
                // TikTok starts pulling and posting on init: an unanswered init may have posted, so it is not repeated.
                .onFailure(PublishFailure::isTimeout)
                .transform(timeout -> new PublishFailure(
                        "publish_outcome_unknown",
                        "TikTok did not answer the video init in time; it may be posting, so it is not retried",
                        "upload",
                        false,
                        Map.of()));
    }

    /** FILE_UPLOAD: the bytes are sent after the handle is stored, so the init only needs the size and the chunks. */
    private Uni<String> initUpload(PublishRequest request, String token) {
        return downloads.fetch(request.mediaUrl(), "upload").chain(download -> {
            Chunks chunks = Chunks.of(download.size(), config.chunkSize());
            JsonObject body = new JsonObject()
                    .put("post_info", postInfo(request))
                    .put(
                            "source_info",
                            new JsonObject()
                                    .put("source", "FILE_UPLOAD")
                                    .put("video_size", download.size())
                                    .put("chunk_size", chunks.chunkSize())
                                    .put("total_chunk_count", chunks.count()));
            return post("/v2/post/publish/video/init/", token, body, "upload")
                    .map(data -> JsonAnswers.required(data, "publish_id", "tiktok", "upload") + " "
                            + JsonAnswers.required(data, "upload_url", "tiktok", "upload"))
                    .eventually(download::delete);
        });
    }

    /** Sends the chunks TikTok has not received yet, in order; nothing when the upload is already complete. */
    private Uni<Void> finishUpload(PublishRequest request, String token, String publishId, String uploadUrl) {
        return status(token, publishId).chain(status -> {
            if (!"PROCESSING_UPLOAD".equals(status.getString("status"))) {
                return Uni.createFrom().voidItem();
            }
            long received = status.getLong("uploaded_bytes", 0L);
            return downloads.fetch(request.mediaUrl(), "upload").chain(download -> {
                Chunks chunks = Chunks.of(download.size(), config.chunkSize());
                return sendChunks(uploadUrl, download, chunks, chunks.firstMissing(received))
                        .eventually(download::delete);
            });
        });
    }

    private Uni<Void> sendChunks(String uploadUrl, MediaDownloads.Download download, Chunks chunks, int index) {
        if (index >= chunks.count()) {
            return Uni.createFrom().voidItem();
        }
        long first = chunks.start(index);
        long length = chunks.length(index);
        return download.range(first, length)
                .chain(file -> http.putAbs(uploadUrl)
                        .timeout(120_000)
                        .putHeader("Content-Type", download.contentType())
                        .putHeader("Content-Length", Long.toString(length))
                        .putHeader(
                                "Content-Range", "bytes " + first + "-" + (first + length - 1) + "/" + download.size())
                        .sendStream(file))
                .map(response -> {
                    if (response.statusCode() / 100 != 2) {
                        throw new PublishFailure(
                                "tiktok_upload_failed",
                                "chunk " + (index + 1) + " of " + chunks.count() + " was refused with HTTP "
                                        + response.statusCode(),
                                "upload",
                                response.statusCode() >= 500,
                                Map.of("http_status", response.statusCode()));
                    }
                    return response;
                })
                .onFailure()
                .transform(f -> PublishFailure.network(f, "upload"))
                .chain(() -> sendChunks(uploadUrl, download, chunks, index + 1));
    }

    private Uni<JsonObject> status(String token, String publishId) {
        return post("/v2/post/publish/status/fetch/", token, new JsonObject().put("publish_id", publishId), "poll");
    }

    private static Optional<String> finished(String publishId, JsonObject status) {
        String state = status.getString("status", "");
        return switch (state) {
            case "PUBLISH_COMPLETE" -> {
                JsonArray ids = status.getJsonArray("publicaly_available_post_id", new JsonArray());
                if (ids.isEmpty()) {
                    throw new PublishFailure(
                            "tiktok_post_not_public",
                            "TikTok completed publish " + publishId + " but the post is not publicly available",
                            "poll",
                            false,
                            Map.of("publish_id", publishId));
                }
                yield Optional.of(String.valueOf(ids.getValue(0)));
            }
            case "FAILED" -> {
                String reason = status.getString("fail_reason", "unknown");
                throw new PublishFailure(
                        "tiktok_" + reason,
                        "TikTok failed publish " + publishId + ": " + reason,
                        "poll",
                        RETRYABLE_FAIL_REASONS.contains(reason),
                        Map.of("publish_id", publishId, "fail_reason", reason),
                        PublishFailure.Evidence.NOTHING_LIVE);
            }
            default -> Optional.empty();
        };
    }

    private JsonObject postInfo(PublishRequest request) {
        return new JsonObject()
                .put("title", request.caption())
                .put("privacy_level", config.privacyLevel())
                .put("disable_duet", false)
                .put("disable_comment", false)
                .put("disable_stitch", false);
    }

    /** A Content Posting API call: JSON in, {@code data} out, or the documented {@code error} object as a failure. */
    private Uni<JsonObject> post(String path, String token, JsonObject body, String stage) {
        return http.postAbs(baseUrl + path)
                .timeout(30_000)
                .putHeader("Authorization", "Bearer " + token)
                .putHeader("Content-Type", "application/json; charset=UTF-8")
                .sendBuffer(Buffer.buffer(body.encode()))
                .map(response -> data(response, stage))
                .onFailure()
                .transform(f -> PublishFailure.network(f, stage));
    }

    private static JsonObject data(HttpResponse<Buffer> response, String stage) {
        JsonObject body = JsonAnswers.body(response, "tiktok", stage);
        JsonObject error = body.getJsonObject("error", new JsonObject());
        String code =
                error.getString("code", response.statusCode() / 100 == 2 ? "ok" : "http_" + response.statusCode());
        if (response.statusCode() / 100 == 2 && "ok".equals(code)) {
            return body.getJsonObject("data", new JsonObject());
        }
        throw failure(response.statusCode(), code, error, stage);
    }

    private static PublishFailure failure(int httpStatus, String code, JsonObject error, String stage) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("http_status", httpStatus);
        details.put("tiktok_code", code);
        if (error.containsKey("log_id")) {
            details.put("log_id", error.getString("log_id"));
        }
        if ("unaudited_client_can_only_post_to_private_accounts".equals(code)) {
            return new PublishFailure(
                    "tiktok_unaudited_client",
                    "this TikTok app is not audited yet, so TikTok only accepts "
                            + "SELF_ONLY (private) posts from it; have the app audited or post privately",
                    stage,
                    false,
                    details);
        }
        String name = "access_token_invalid".equals(code) || "scope_not_authorized".equals(code)
                ? "platform_auth_invalid"
                : "tiktok_" + code;
        boolean retryable = httpStatus == 429 || httpStatus >= 500 || RETRYABLE_CODES.contains(code);
        return new PublishFailure(name, error.getString("message", "HTTP " + httpStatus), stage, retryable, details);
    }

    /** How a file of {@code size} bytes is cut into TikTok's chunks: the last one takes the remainder. */
    record Chunks(long size, long chunkSize, int count) {

        static Chunks of(long size, long preferred) {
            if (size <= preferred) {
                return new Chunks(size, size, 1);
            }
            int count = (int) (size / preferred);
            return new Chunks(size, preferred, count);
        }

        long start(int index) {
            return index * chunkSize;
        }

        long length(int index) {
            return index == count - 1 ? size - start(index) : chunkSize;
        }

        int firstMissing(long received) {
            return (int) Math.min(count, received / chunkSize);
        }
    }
}
