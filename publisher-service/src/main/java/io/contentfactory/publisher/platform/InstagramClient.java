package io.contentfactory.publisher.platform;

import io.contentfactory.kit.platform.GraphTimestamp;
import io.contentfactory.publisher.domain.PublishFailure;
import io.contentfactory.publisher.domain.TokenGrant;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.MultiMap;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Instagram's content-publishing API (Instagram API with Instagram Login): create a media container, read its
 * {@code status_code}, publish it, read the permalink. Only ever talks to the configured base URL.
 * Access tokens travel in the form body or query and are never logged.
 */
@ApplicationScoped
public class InstagramClient {

    /**
     * Graph error codes that mean "try again later": unknown and temporary errors, rate limits (4, 17, 32, 613),
     * media not ready yet (9007), and media that could not be fetched (9004).
     */
    private static final Set<Integer> RETRYABLE_CODES = Set.of(1, 2, 4, 17, 32, 613, 9004, 9007);

    private final WebClient http;
    private final String baseUrl;
    private final String version;
    private final long publishTimeoutMillis;

    InstagramClient(InstagramConfig config, WebClient http) {
        this.http = http;
        this.baseUrl = config.baseUrl().replaceAll("/+$", "");
        this.version = config.apiVersion();
        this.publishTimeoutMillis = config.publishTimeout().toMillis();
    }

    /**
     * Refreshes a long-lived token ({@code GET /refresh_access_token?grant_type=ig_refresh_token}): Instagram answers
     * a new token valid for {@code expires_in} seconds. There is no separate refresh token.
     */
    public Uni<TokenGrant> refreshToken(String accessToken) {
        return http.getAbs(baseUrl + "/refresh_access_token")
                .addQueryParam("grant_type", "ig_refresh_token")
                .addQueryParam("access_token", accessToken)
                .timeout(15_000)
                .send()
                .map(response -> {
                    JsonObject body = parse(response, "refresh");
                    if (response.statusCode() / 100 != 2 || body.containsKey("error")) {
                        throw graphError(
                                response.statusCode(), body.getJsonObject("error", new JsonObject()), "refresh");
                    }
                    long expiresIn = body.getLong("expires_in", 0L);
                    return new TokenGrant(
                            body.getString("access_token"),
                            null,
                            expiresIn > 0 ? Instant.now().plusSeconds(expiresIn) : null);
                })
                .onFailure()
                .transform(f -> PublishFailure.network(f, "refresh"));
    }

    public Uni<String> createContainer(String accountId, String token, boolean video, String mediaUrl, String caption) {
        MultiMap form = MultiMap.caseInsensitiveMultiMap()
                .add(video ? "video_url" : "image_url", mediaUrl)
                .add("caption", caption)
                .add("access_token", token);
        if (video) {
            form.add("media_type", "REELS");
        }
        return http.postAbs(url(accountId + "/media"))
                .timeout(30_000)
                .sendForm(form)
                .map(response -> field(response, "id", "create_container"))
                .onFailure()
                .transform(f -> PublishFailure.network(f, "create_container"));
    }

    /** An item container of a carousel ({@code is_carousel_item=true}): no caption, published only through its carousel. */
    public Uni<String> createCarouselItem(String accountId, String token, boolean video, String mediaUrl) {
        MultiMap form = MultiMap.caseInsensitiveMultiMap()
                .add(video ? "video_url" : "image_url", mediaUrl)
                .add("is_carousel_item", "true")
                .add("access_token", token);
        if (video) {
            form.add("media_type", "VIDEO");
        }
        return http.postAbs(url(accountId + "/media"))
                .timeout(30_000)
                .sendForm(form)
                .map(response -> field(response, "id", "create_container"))
                .onFailure()
                .transform(f -> PublishFailure.network(f, "create_container"));
    }

    /** The carousel container ({@code media_type=CAROUSEL}) over finished item containers, with the caption. */
    public Uni<String> createCarousel(String accountId, String token, List<String> children, String caption) {
        MultiMap form = MultiMap.caseInsensitiveMultiMap()
                .add("media_type", "CAROUSEL")
                .add("children", String.join(",", children))
                .add("caption", caption)
                .add("access_token", token);
        return http.postAbs(url(accountId + "/media"))
                .timeout(30_000)
                .sendForm(form)
                .map(response -> field(response, "id", "create_container"))
                .onFailure()
                .transform(f -> PublishFailure.network(f, "create_container"));
    }

    public Uni<String> containerStatus(String containerId, String token) {
        return http.getAbs(url(containerId))
                .addQueryParam("fields", "status_code")
                .addQueryParam("access_token", token)
                .timeout(15_000)
                .send()
                .map(response -> field(response, "status_code", "poll"))
                .onFailure()
                .transform(f -> PublishFailure.network(f, "poll"));
    }

    public Uni<String> publish(String accountId, String token, String containerId) {
        MultiMap form = MultiMap.caseInsensitiveMultiMap()
                .add("creation_id", containerId)
                .add("access_token", token);
        return http.postAbs(url(accountId + "/media_publish"))
                .timeout(publishTimeoutMillis)
                .sendForm(form)
                .map(response -> field(response, "id", "publish"))
                .onFailure()
                .transform(f -> PublishFailure.network(f, "publish"));
    }

    /** One item of the account's media list. */
    public record MediaSummary(String id, String caption, Instant timestamp) {}

    /** The account's recent media, newest first: how an ambiguous publish is reconciled. */
    public Uni<List<MediaSummary>> recentMedia(String accountId, String token) {
        return http.getAbs(url(accountId + "/media"))
                .addQueryParam("fields", "id,caption,timestamp")
                .addQueryParam("access_token", token)
                .timeout(15_000)
                .send()
                .map(response -> {
                    JsonObject body = parse(response, "publish");
                    if (response.statusCode() / 100 != 2 || body.containsKey("error")) {
                        throw graphError(
                                response.statusCode(), body.getJsonObject("error", new JsonObject()), "publish");
                    }
                    List<MediaSummary> media = new ArrayList<>();
                    body.getJsonArray("data", new io.vertx.core.json.JsonArray())
                            .forEach(item -> {
                                JsonObject entry = (JsonObject) item;
                                media.add(new MediaSummary(
                                        entry.getString("id"),
                                        entry.getString("caption", ""),
                                        graphTime(entry.getString("timestamp"))));
                            });
                    return media;
                })
                .onFailure()
                .transform(f -> PublishFailure.network(f, "publish"));
    }

    /** The account's rolling 24 h publishing quota: how many posts it used and how many it may publish. */
    public record Quota(long used, long total) {
        public boolean exhausted() {
            return used >= total;
        }
    }

    public Uni<Quota> publishingQuota(String accountId, String token) {
        return http.getAbs(url(accountId + "/content_publishing_limit"))
                .addQueryParam("fields", "quota_usage,config")
                .addQueryParam("access_token", token)
                .timeout(15_000)
                .send()
                .map(response -> {
                    // Read before a container is created, so its failures belong to that stage.
                    JsonObject body = parse(response, "create_container");
                    if (response.statusCode() / 100 != 2 || body.containsKey("error")) {
                        throw graphError(
                                response.statusCode(),
                                body.getJsonObject("error", new JsonObject()),
                                "create_container");
                    }
                    JsonObject entry = body.getJsonArray("data", new io.vertx.core.json.JsonArray())
                            .getJsonObject(0);
                    return new Quota(
                            entry.getLong("quota_usage", 0L),
                            entry.getJsonObject("config", new JsonObject()).getLong("quota_total", Long.MAX_VALUE));
                })
                .onFailure()
                .transform(f -> PublishFailure.network(f, "create_container"));
    }

    public Uni<String> permalink(String mediaId, String token) {
        return http.getAbs(url(mediaId))
                .addQueryParam("fields", "permalink")
                .addQueryParam("access_token", token)
                .timeout(15_000)
                .send()
                .map(response -> field(response, "permalink", "publish"))
                .onFailure()
                .transform(f -> PublishFailure.network(f, "publish"));
    }

    /** A Graph timestamp ({@link GraphTimestamp}); one that is absent or not a date is a bad response. */
    static Instant graphTime(String text) {
        return GraphTimestamp.parse(text)
                .orElseThrow(() -> new PublishFailure(
                        "instagram_bad_response",
                        text == null
                                ? "a media item has no timestamp"
                                : "a media item's timestamp is not a date: " + text,
                        "publish",
                        true,
                        Map.of()));
    }

    private String url(String path) {
        return baseUrl + "/" + version + "/" + path;
    }

    private static String field(HttpResponse<Buffer> response, String name, String stage) {
        JsonObject body = parse(response, stage);
        if (response.statusCode() / 100 != 2 || body.containsKey("error")) {
            throw graphError(response.statusCode(), body.getJsonObject("error", new JsonObject()), stage);
        }
        String value = body.getString(name);
        if (value == null) {
            throw new PublishFailure(
                    "instagram_bad_response", "the answer has no '" + name + "'", stage, true, Map.of());
        }
        return value;
    }

    private static JsonObject parse(HttpResponse<Buffer> response, String stage) {
        try {
            return response.bodyAsJsonObject() == null ? new JsonObject() : response.bodyAsJsonObject();
        } catch (RuntimeException e) {
            throw new PublishFailure(
                    "instagram_bad_response",
                    "HTTP " + response.statusCode() + " with a body that is not JSON",
                    stage,
                    response.statusCode() >= 500,
                    Map.of("http_status", response.statusCode()));
        }
    }

    private static PublishFailure graphError(int httpStatus, JsonObject error, String stage) {
        int code = error.getInteger("code", 0);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("http_status", httpStatus);
        details.put("graph_code", code);
        // Optional fields are absent, or present as null: both mean "not given".
        if (error.getValue("error_subcode") instanceof Number subcode) {
            details.put("graph_subcode", subcode.intValue());
        }
        if (error.getValue("fbtrace_id") != null) {
            details.put("fbtrace_id", String.valueOf(error.getValue("fbtrace_id")));
        }
        boolean retryable = RETRYABLE_CODES.contains(code) || httpStatus >= 500;
        return new PublishFailure(
                code == 190 ? "platform_auth_invalid" : "instagram_error_" + code,
                error.getString("message", "HTTP " + httpStatus),
                stage,
                retryable,
                details);
    }
}
