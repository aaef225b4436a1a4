package io.contentfactory.scheduler.clients;

import io.contentfactory.contracts.ServiceCallTokens;
import io.contentfactory.kit.ServiceConfig;
import io.smallrye.config.ConfigMapping;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Asks ingest-service, with the pair key the two services share, where a media item stands: a post may name an item
 * that was uploaded a moment ago and whose analysis has not reached this service yet.
 */
@ApplicationScoped
public class IngestMedia {

    @ConfigMapping(prefix = "factory.scheduler.ingest")
    public interface Config {
        /** ingest-service's internal address, for example {@code http://ingest-service:8081}. */
        Optional<String> baseUrl();

        /** The base64url pair key this service shares with ingest-service. */
        Optional<String> callKey();
    }

    /** What ingest-service knows of an item. */
    public sealed interface Known {
        /** Not an item of the project (or ingest-service is not configured): a post may not name it. */
        record Unknown() implements Known {}

        /** Received, and on its way through analysis: a post naming it waits for it. */
        record Coming(String status) implements Known {}

        /** Rejected, or its analysis failed for good: a post cannot be made of it. */
        record Unusable(String reason) implements Known {}
    }

    private static final Set<String> UNUSABLE = Set.of("rejected", "failed", "duplicate", "archived");

    private final WebClient http;
    private final Optional<String> baseUrl;
    private final byte[] callKey;
    private final String self;

    IngestMedia(Vertx vertx, Config config, ServiceConfig service) {
        this.http = WebClient.create(vertx);
        boolean configured = config.baseUrl().filter(url -> !url.isBlank()).isPresent()
                && config.callKey().filter(key -> !key.isBlank()).isPresent();
        this.baseUrl = configured ? config.baseUrl().map(url -> url.replaceAll("/+$", "")) : Optional.empty();
        this.callKey = configured ? ServiceCallTokens.readKey(config.callKey().get()) : null;
        this.self = service.name();
    }

    /** Where the item stands; a failure to ask fails the Uni (the caller answers 503 rather than a wrong 422). */
    public Uni<Known> state(UUID projectId, UUID mediaId) {
        if (baseUrl.isEmpty()) {
            return Uni.createFrom().item(new Known.Unknown());
        }
        return http.getAbs(baseUrl.get() + "/internal/v1/media/" + projectId + "/" + mediaId + "/state")
                .timeout(10_000)
                .putHeader(
                        ServiceCallTokens.HEADER,
                        "Bearer " + ServiceCallTokens.mint(callKey, self, "ingest-service", Instant.now()))
                .send()
                .map(response -> {
                    if (response.statusCode() == 404) {
                        return new Known.Unknown();
                    }
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException(
                                "ingest-service answered HTTP " + response.statusCode() + " about " + mediaId);
                    }
                    return known(response.bodyAsJsonObject());
                });
    }

    private static Known known(JsonObject state) {
        String status = state.getString("status", "");
        if (UNUSABLE.contains(status)) {
            return new Known.Unusable(
                    "media " + status + (state.getString("reason") == null ? "" : ": " + state.getString("reason")));
        }
        if ("analysis_failed".equals(state.getString("analysisStatus"))) {
            return new Known.Unusable("analysis failed"
                    + (state.getString("analysisReason") == null ? "" : ": " + state.getString("analysisReason")));
        }
        return new Known.Coming(status);
    }
}
