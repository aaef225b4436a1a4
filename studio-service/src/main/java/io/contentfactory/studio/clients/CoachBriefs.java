package io.contentfactory.studio.clients;

import io.contentfactory.auth.ServiceCallTokens;
import io.contentfactory.kit.ServiceConfig;
import io.contentfactory.kit.domain.DomainError;
import io.contentfactory.studio.config.StudioConfig;
import io.contentfactory.studio.domain.SourceBrief;
import io.contentfactory.studio.domain.SourcePlan;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A project's creative briefs and derivative plans, read from coach-service's internal routes with this service's
 * pair key. Empty when the project has no such brief or plan (another project's included).
 */
@ApplicationScoped
public class CoachBriefs {

    private static final String CALLEE = "coach-service";

    private final WebClient http;
    private final String baseUrl;
    private final Optional<byte[]> callKey;
    private final String self;

    CoachBriefs(Vertx vertx, ServiceConfig service, StudioConfig config) {
        this.http = WebClient.create(vertx);
        this.baseUrl = config.coach().baseUrl().replaceAll("/+$", "");
        this.callKey = config.coach().callKey().filter(key -> !key.isBlank()).map(ServiceCallTokens::readKey);
        this.self = service.name();
    }

    public Uni<Optional<SourceBrief>> brief(UUID projectId, UUID briefId) {
        return read("/internal/v1/creative-briefs/" + projectId + "/" + briefId)
                .map(found -> found.map(body -> {
                    JsonObject outline = object(body, "scriptOutline");
                    JsonObject visuals = object(body, "visualDirections");
                    return new SourceBrief(
                            body.getString("angleName"),
                            body.getString("corePromise"),
                            strings(body, "hookIdeas"),
                            strings(outline, "intro"),
                            strings(outline, "body"),
                            strings(outline, "cta"),
                            strings(visuals, "broll"),
                            strings(visuals, "textOverlays"),
                            strings(object(body, "postingGuidance"), "platformPriority"));
                }));
    }

    public Uni<Optional<SourcePlan>> plan(UUID projectId, UUID planId) {
        return read("/internal/v1/derivative-plans/" + projectId + "/" + planId)
                .map(found -> found.map(body -> new SourcePlan(
                        Optional.ofNullable(body.getString("briefId"))
                                .map(UUID::fromString)
                                .orElse(null),
                        body.getString("formatType"),
                        body.getString("instructions"),
                        body.getString("targetPlatform"),
                        body.getInteger("estimatedLengthSec"))));
    }

    private Uni<Optional<JsonObject>> read(String path) {
        if (callKey.isEmpty()) {
            return Uni.createFrom()
                    .failure(new DomainError.Unavailable(
                            "coach_unavailable", "studio-service has no key to read coach-service's briefs and plans"));
        }
        return http.getAbs(baseUrl + path)
                .timeout(10_000)
                .putHeader(
                        ServiceCallTokens.HEADER,
                        "Bearer " + ServiceCallTokens.mint(callKey.get(), self, CALLEE, Instant.now()))
                .send()
                .onFailure()
                .transform(unreachable -> new DomainError.Unavailable(
                        "coach_unavailable", "coach-service could not be asked for the brief or plan"))
                .map(CoachBriefs::bodyOf);
    }

    private static Optional<JsonObject> bodyOf(HttpResponse<io.vertx.mutiny.core.buffer.Buffer> response) {
        return switch (response.statusCode()) {
            case 200 -> Optional.of(response.bodyAsJsonObject());
            case 404 -> Optional.empty();
            default ->
                throw new DomainError.Unavailable(
                        "coach_unavailable",
                        "coach-service could not give the brief or plan (HTTP " + response.statusCode() + ")");
        };
    }

    private static JsonObject object(JsonObject body, String field) {
        JsonObject value = body.getJsonObject(field);
        return value == null ? new JsonObject() : value;
    }

    private static List<String> strings(JsonObject body, String field) {
        JsonArray values = body.getJsonArray(field);
        return values == null ? List.of() : values.stream().map(String::valueOf).toList();
    }
}
