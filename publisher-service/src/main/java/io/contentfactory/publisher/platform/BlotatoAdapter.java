package io.contentfactory.publisher.platform;

import io.contentfactory.contracts.events.Platform;
import io.contentfactory.contracts.events.PostFormat;
import io.contentfactory.publisher.domain.LivePost;
import io.contentfactory.publisher.domain.PublishFailure;
import io.contentfactory.publisher.domain.PublishRequest;
import io.contentfactory.publisher.domain.QuotaLedger;
import io.contentfactory.publisher.domain.TokenGrant;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Blotato's post API: {@code POST /v2/posts} with the {@code blotato-api-key} header submits a post for one of the
 * user's connected accounts, and {@code GET /v2/posts/{postSubmissionId}} is polled until {@code published} or
 * {@code failed}. The connection's "access token" is the Blotato API key, which does not expire.
 *
 * <p>Submitting is publishing, and Blotato has no idempotency key: a submission whose answer never came is not
 * retried (a second one could post twice) but fails as {@code publish_outcome_unknown} for a person to check.
 */
@ApplicationScoped
public class BlotatoAdapter implements PlatformAdapter {

    private final BlotatoConfig config;
    private final WebClient http;
    private final Vertx vertx;
    private final String baseUrl;

    BlotatoAdapter(BlotatoConfig config, Vertx vertx, WebClient http) {
        this.http = http;
        this.config = config;
        this.vertx = vertx;
        this.baseUrl = config.baseUrl().replaceAll("/+$", "");
    }

    @Override
    public Platform platform() {
        return Platform.BLOTATO;
    }

    @Override
    public Uni<Optional<Instant>> quotaWait(PublishRequest request, String token, QuotaLedger ledger) {
        return Uni.createFrom().item(Optional.empty());
    }

    @Override
    public Uni<String> start(PublishRequest request, String apiKey) {
        String target = targetType(request.format());
        JsonObject post = new JsonObject()
                .put("accountId", request.accountId())
                .put(
                        "content",
                        new JsonObject()
                                .put("text", request.caption())
                                .put("platform", target)
                                .put("mediaUrls", new JsonArray(request.mediaUrls())))
                .put("target", targetOptions(target, request));
        return http.postAbs(baseUrl + "/v2/posts")
                .timeout(config.submitTimeout().toMillis())
                .putHeader("blotato-api-key", apiKey)
                .putHeader("Content-Type", "application/json")
                .sendBuffer(Buffer.buffer(new JsonObject().put("post", post).encode()))
                .map(response -> {
                    if (response.statusCode() / 100 != 2) {
                        throw failure(response, "publish");
                    }
                    return JsonAnswers.required(
                            JsonAnswers.body(response, "blotato", "publish"), "postSubmissionId", "blotato", "publish");
                })
                .onFailure()
                .transform(f -> PublishFailure.network(f, "publish"))
                .onFailure(PublishFailure::isTimeout)
                .transform(timeout -> new PublishFailure(
                        "publish_outcome_unknown",
                        "Blotato did not answer the submission in time; it may have posted, so it is not retried",
                        "publish",
                        false,
                        Map.of()));
    }

    @Override
    public Uni<LivePost> complete(PublishRequest request, String apiKey, String submissionId) {
        return Poller.until(
                vertx,
                config.poll(),
                "blotato_post",
                Map.of("post_submission_id", submissionId),
                () -> status(apiKey, submissionId));
    }

    @Override
    public Uni<TokenGrant> refresh(String accessToken, String refreshToken) {
        return Uni.createFrom().failure(new UnsupportedOperationException("Blotato API keys do not expire"));
    }

    @Override
    public boolean refreshesTokens() {
        return false;
    }

    private Uni<Optional<LivePost>> status(String apiKey, String submissionId) {
        return http.getAbs(baseUrl + "/v2/posts/" + submissionId)
                .timeout(15_000)
                .putHeader("blotato-api-key", apiKey)
                .send()
                .map(response -> {
                    if (response.statusCode() / 100 != 2) {
                        throw failure(response, "poll");
                    }
                    JsonObject body = JsonAnswers.body(response, "blotato", "poll");
                    return switch (body.getString("status", "")) {
                        case "published" -> Optional.of(new LivePost(submissionId, body.getString("publicUrl")));
                        case "failed" ->
                            throw new PublishFailure(
                                    "blotato_post_failed",
                                    body.getString("errorMessage", "Blotato reports the post failed"),
                                    "poll",
                                    false,
                                    Map.of("post_submission_id", submissionId));
                        default -> Optional.<LivePost>empty();
                    };
                })
                .onFailure()
                .transform(f -> PublishFailure.network(f, "poll"));
    }

    /** The network a Blotato post goes to follows from the post's format. */
    static String targetType(PostFormat format) {
        return switch (format) {
            case FEED_IMAGE, CAROUSEL, REEL -> "instagram";
            case TIKTOK_VIDEO -> "tiktok";
            case SHORT -> "youtube";
        };
    }

    private static JsonObject targetOptions(String target, PublishRequest request) {
        JsonObject options = new JsonObject().put("targetType", target);
        return switch (target) {
            case "tiktok" ->
                options.put("privacyLevel", "PUBLIC_TO_EVERYONE")
                        .put("disabledComments", false)
                        .put("disabledDuet", false)
                        .put("disabledStitch", false)
                        .put("isBrandedContent", false)
                        .put("isYourBrand", false)
                        .put("isAiGenerated", false);
            case "youtube" ->
                options.put("title", YouTubeAdapter.title(request.caption()))
                        .put("privacyStatus", "public")
                        .put("shouldNotifySubscribers", true);
            default -> options;
        };
    }

    private static PublishFailure failure(HttpResponse<Buffer> response, String stage) {
        JsonObject body = JsonAnswers.body(response, "blotato", stage);
        int status = response.statusCode();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("http_status", status);
        String code = status == 401 || status == 403 ? "platform_auth_invalid" : "blotato_http_" + status;
        return new PublishFailure(
                code,
                body.getString("message", body.getString("error", "HTTP " + status)),
                stage,
                status == 429 || status >= 500,
                details);
    }
}
