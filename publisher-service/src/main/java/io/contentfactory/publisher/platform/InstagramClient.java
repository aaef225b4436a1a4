package io.contentfactory.publisher.platform;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.MultiMap;
import io.vertx.mutiny.core.Vertx;
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
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Instagram's content-publishing API (Instagram API with Instagram Login): create a media container, read its
 * {@code status_code}, publish it, read the permalink. Only ever talks to the configured base URL.
 * Access tokens travel in the form body or query and are never logged.
 */
@ApplicationScoped
public class InstagramClient {

    /** Graph error codes that mean "try again later": rate limits, temporary errors, media not ready yet. */
    private static final Set<Integer> RETRYABLE_CODES = Set.of(1, 2, 4, 17, 32, 613, 9007);

    private final WebClient http;
    private final String baseUrl;
    private final String version;
    private final long publishTimeoutMillis;

    InstagramClient(Vertx vertx, @ConfigProperty(name = "factory.publisher.instagram.base-url") String baseUrl,
            @ConfigProperty(name = "factory.publisher.instagram.api-version") String version,
            @ConfigProperty(name = "factory.publisher.instagram.publish-timeout") java.time.Duration publishTimeout) {
        this.http = WebClient.create(vertx);
        this.baseUrl = baseUrl.replaceAll("/+$", "");
        this.version = version;
        this.publishTimeoutMillis = publishTimeout.toMillis();
    }

    public Uni<String> createContainer(String accountId, String token, boolean video, String mediaUrl, String caption) {
        MultiMap form = MultiMap.caseInsensitiveMultiMap()
                .add(video ? "video_url" : "image_url", mediaUrl)
                .add("caption", caption)
                .add("access_token", token);
        if (video) {
            form.add("media_type", "REELS");
        }
        return http.postAbs(url(accountId + "/media")).timeout(30_000).sendForm(form)
                .map(response -> field(response, "id", "create_container"))
                .onFailure(failure -> !(failure instanceof PublishFailure)).transform(f -> network(f, "create_container"));
    }

    public Uni<String> containerStatus(String containerId, String token) {
        return http.getAbs(url(containerId)).addQueryParam("fields", "status_code").addQueryParam("access_token", token)
                .timeout(15_000).send()
                .map(response -> field(response, "status_code", "poll"))
                .onFailure(failure -> !(failure instanceof PublishFailure)).transform(f -> network(f, "poll"));
    }

    public Uni<String> publish(String accountId, String token, String containerId) {
        MultiMap form = MultiMap.caseInsensitiveMultiMap().add("creation_id", containerId).add("access_token", token);
        return http.postAbs(url(accountId + "/media_publish")).timeout(publishTimeoutMillis).sendForm(form)
                .map(response -> field(response, "id", "publish"))
                .onFailure(failure -> !(failure instanceof PublishFailure)).transform(f -> network(f, "publish"));
    }

    /** One item of the account's media list. */
    public record MediaSummary(String id, String caption, Instant timestamp) {
    }

    /** The account's recent media, newest first: how an ambiguous publish is reconciled. */
    public Uni<List<MediaSummary>> recentMedia(String accountId, String token) {
        return http.getAbs(url(accountId + "/media")).addQueryParam("fields", "id,caption,timestamp")
                .addQueryParam("access_token", token).timeout(15_000).send()
                .map(response -> {
                    JsonObject body = parse(response, "publish");
                    if (response.statusCode() / 100 != 2 || body.containsKey("error")) {
                        throw graphError(response.statusCode(), body.getJsonObject("error", new JsonObject()), "publish");
                    }
                    List<MediaSummary> media = new ArrayList<>();
                    body.getJsonArray("data", new io.vertx.core.json.JsonArray()).forEach(item -> {
                        JsonObject entry = (JsonObject) item;
                        media.add(new MediaSummary(entry.getString("id"), entry.getString("caption", ""),
                                Instant.parse(entry.getString("timestamp"))));
                    });
                    return media;
                })
                .onFailure(failure -> !(failure instanceof PublishFailure)).transform(f -> network(f, "publish"));
    }

    /** The account's rolling 24 h publishing quota: how many posts it used and how many it may publish. */
    public record Quota(long used, long total) {
        public boolean exhausted() {
            return used >= total;
        }
    }

    public Uni<Quota> publishingQuota(String accountId, String token) {
        return http.getAbs(url(accountId + "/content_publishing_limit")).addQueryParam("fields", "quota_usage,config")
                .addQueryParam("access_token", token).timeout(15_000).send()
                .map(response -> {
                    // Read before a container is created, so its failures belong to that stage.
                    JsonObject body = parse(response, "create_container");
                    if (response.statusCode() / 100 != 2 || body.containsKey("error")) {
                        throw graphError(response.statusCode(), body.getJsonObject("error", new JsonObject()), "create_container");
                    }
                    JsonObject entry = body.getJsonArray("data", new io.vertx.core.json.JsonArray()).getJsonObject(0);
                    return new Quota(entry.getLong("quota_usage", 0L),
                            entry.getJsonObject("config", new JsonObject()).getLong("quota_total", Long.MAX_VALUE));
                })
                .onFailure(failure -> !(failure instanceof PublishFailure)).transform(f -> network(f, "create_container"));
    }

    public Uni<String> permalink(String mediaId, String token) {
        return http.getAbs(url(mediaId)).addQueryParam("fields", "permalink").addQueryParam("access_token", token)
                .timeout(15_000).send()
                .map(response -> field(response, "permalink", "publish"))
                .onFailure(failure -> !(failure instanceof PublishFailure)).transform(f -> network(f, "publish"));
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
            throw new PublishFailure("instagram_bad_response", "the answer has no '" + name + "'", stage, true, Map.of());
        }
        return value;
    }

    private static JsonObject parse(HttpResponse<Buffer> response, String stage) {
        try {
            return response.bodyAsJsonObject() == null ? new JsonObject() : response.bodyAsJsonObject();
        } catch (RuntimeException e) {
            throw new PublishFailure("instagram_bad_response", "HTTP " + response.statusCode() + " with a body that is not JSON",
                    stage, response.statusCode() >= 500, Map.of("http_status", response.statusCode()));
        }
    }

    private static PublishFailure graphError(int httpStatus, JsonObject error, String stage) {
        int code = error.getInteger("code", 0);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("http_status", httpStatus);
        details.put("graph_code", code);
        if (error.containsKey("error_subcode")) {
            details.put("graph_subcode", error.getInteger("error_subcode"));
        }
        if (error.containsKey("fbtrace_id")) {
            details.put("fbtrace_id", error.getString("fbtrace_id"));
        }
        boolean retryable = RETRYABLE_CODES.contains(code) || httpStatus >= 500;
        return new PublishFailure(code == 190 ? "platform_auth_invalid" : "instagram_error_" + code,
                error.getString("message", "HTTP " + httpStatus), stage, retryable, details);
    }

    private static PublishFailure network(Throwable failure, String stage) {
        // The web client's timeout (Vert.x's NoStackTraceTimeoutException) is a java.util.concurrent.TimeoutException.
        if (failure instanceof java.util.concurrent.TimeoutException) {
            return new PublishFailure("platform_timeout", "no answer in time: " + failure.getMessage(), stage, true, Map.of());
        }
        return new PublishFailure("platform_unreachable", failure.getClass().getSimpleName() + ": " + failure.getMessage(),
                stage, true, Map.of());
    }
}
