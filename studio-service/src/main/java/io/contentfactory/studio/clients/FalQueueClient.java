package io.contentfactory.studio.clients;

import io.contentfactory.contracts.events.GenerationError;
import io.contentfactory.kit.net.PooledHttp;
import io.contentfactory.studio.config.StudioConfig;
import io.contentfactory.studio.domain.ModelProvider;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpRequest;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;

/**
 * fal.ai's queue API (docs.fal.ai, "Queue"): {@code POST {base}/{model}} answers a {@code request_id}; the job is
 * then asked after at {@code {base}/{app}/requests/{id}/status} ({@code IN_QUEUE}, {@code IN_PROGRESS},
 * {@code COMPLETED}), its result read at {@code {base}/{app}/requests/{id}} and cancelled with a {@code PUT} to
 * {@code …/cancel}, where {@code app} is the model id's first two segments ({@code fal-ai/kling-video}). A completed
 * job that failed answers its result with an error status (422 for a content-policy refusal).
 */
@ApplicationScoped
public class FalQueueClient implements GenerationProvider {

    private static final String NAME = "fal";
    private static final int TIMEOUT_MS = 30_000;

    private final WebClient http;
    private final String base;
    private final Optional<String> key;

    FalQueueClient(Vertx vertx, StudioConfig config) {
        this.http = PooledHttp.client(vertx, 64, "content-factory-studio");
        this.base = config.providers().fal().baseUrl().replaceAll("/+$", "");
        this.key = config.providers().fal().key().filter(k -> !k.isBlank());
    }

    @Override
    public ModelProvider provider() {
        return ModelProvider.FAL;
    }

    @Override
    public boolean configured() {
        return key.isPresent();
    }

    @Override
    public Uni<Submission> submit(ProviderJob job) {
        return authorised(http.postAbs(base + "/" + job.modelId()))
                .sendJsonObject(input(job))
                .onFailure()
                .transform(failure -> ProviderAnswers.unanswered(NAME, "submit", failure))
                .map(response -> {
                    JsonObject body = expect(response, "submit");
                    String id = body.getString("request_id");
                    if (id == null || id.isBlank()) {
                        throw ProviderAnswers.malformed(NAME, "submit", "request_id");
                    }
                    return Submission.queued(id);
                });
    }

    /** The input fal's text-to-video and text-to-image models share; each model ignores what it does not take. */
    static JsonObject input(ProviderJob job) {
        JsonObject input = new JsonObject().put("prompt", job.prompt()).put("aspect_ratio", job.aspectRatio());
        if (job.clipSeconds() != null) {
            input.put("duration", String.valueOf(job.clipSeconds()));
        } else {
            input.put("image_size", imageSize(job.aspectRatio())).put("num_images", 1);
        }
        return input;
    }

    private static String imageSize(String aspectRatio) {
        return switch (aspectRatio) {
            case "9:16" -> "portrait_16_9";
            case "3:4", "4:5" -> "portrait_4_3";
            case "1:1" -> "square_hd";
            case "4:3" -> "landscape_4_3";
            default -> "landscape_16_9";
        };
    }

    @Override
    public Uni<JobProgress> progress(String modelId, String requestId) {
        return authorised(http.getAbs(requestUrl(modelId, requestId) + "/status"))
                .send()
                .onFailure()
                .transform(failure -> ProviderAnswers.unanswered(NAME, "poll", failure))
                .chain(response -> {
                    String status = expect(response, "poll").getString("status", "");
                    return status.equals("COMPLETED")
                            ? result(modelId, requestId)
                            : Uni.createFrom().item(new JobProgress.Waiting(status));
                });
    }

    private Uni<JobProgress> result(String modelId, String requestId) {
        return authorised(http.getAbs(requestUrl(modelId, requestId)))
                .send()
                .onFailure()
                .transform(failure -> ProviderAnswers.unanswered(NAME, "result", failure))
                .map(response -> {
                    if (response.statusCode() >= 400 && response.statusCode() < 500 && response.statusCode() != 429) {
                        return new JobProgress.Failed(ProviderAnswers.refused(NAME, "result", response)
                                .error());
                    }
                    JsonObject body = expect(response, "result");
                    String url = outputUrl(body);
                    if (url == null) {
                        throw ProviderAnswers.malformed(NAME, "result", "video.url or images[0].url");
                    }
                    return new JobProgress.Done(url, body.getLong("seed"));
                });
    }

    private static String outputUrl(JsonObject body) {
        JsonObject video = body.getJsonObject("video");
        if (video != null && video.getString("url") != null) {
            return video.getString("url");
        }
        JsonArray images = body.getJsonArray("images");
        return images == null || images.isEmpty()
                ? null
                : images.getJsonObject(0).getString("url");
    }

    @Override
    public Uni<Boolean> cancel(String modelId, String requestId) {
        return authorised(http.putAbs(requestUrl(modelId, requestId) + "/cancel"))
                .send()
                .map(response -> response.statusCode() == 202 || response.statusCode() == 200)
                .onFailure()
                .transform(failure -> ProviderAnswers.unanswered(NAME, "cancel", failure));
    }

    /** fal's request routes hang off the app, the model id's first two segments. */
    String requestUrl(String modelId, String requestId) {
        String[] segments = modelId.split("/");
        String app = segments.length <= 2 ? modelId : segments[0] + "/" + segments[1];
        return base + "/" + app + "/requests/" + requestId;
    }

    private HttpRequest<Buffer> authorised(HttpRequest<Buffer> request) {
        return request.putHeader("Authorization", "Key " + key.orElseThrow(() -> notConfigured()))
                .timeout(TIMEOUT_MS);
    }

    private static JsonObject expect(HttpResponse<Buffer> response, String stage) {
        if (response.statusCode() / 100 != 2) {
            throw ProviderAnswers.refused(NAME, stage, response);
        }
        try {
            return response.bodyAsJsonObject();
        } catch (RuntimeException e) {
            throw ProviderAnswers.malformed(NAME, stage, "JSON body");
        }
    }

    private static ProviderFailure notConfigured() {
        return new ProviderFailure(
                new GenerationError(
                        "provider_not_configured", "fal.ai has no key here", "submit", false, Map.of("provider", NAME)),
                false);
    }
}
