package io.contentfactory.ingestclient;

import io.contentfactory.auth.ServiceCallTokens;
import io.contentfactory.contracts.EventCodec;
import io.contentfactory.contracts.events.MediaIngested;
import io.contentfactory.kit.ServiceConfig;
import io.smallrye.config.ConfigMapping;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpRequest;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * ingest-service's internal routes, each call proven with the pair key this service shares with ingest-service.
 * Unconfigured (no base URL or no key), it renews no URL, stores no thumbnail and knows no item.
 */
@ApplicationScoped
public class IngestClient {

    private static final Logger LOG = Logger.getLogger(IngestClient.class);
    private static final String CALLEE = "ingest-service";

    @ConfigMapping(prefix = "factory.ingest-client")
    public interface Config {
        /** ingest-service's internal address, for example {@code http://ingest-service:8081}. */
        Optional<String> baseUrl();

        /** The base64url pair key this service shares with ingest-service. */
        Optional<String> callKey();
    }

    private final WebClient http;
    private final Optional<String> baseUrl;
    private final byte[] callKey;
    private final String self;

    public IngestClient(Vertx vertx, Config config, ServiceConfig service) {
        this.http = WebClient.create(vertx);
        boolean configured = config.baseUrl().filter(url -> !url.isBlank()).isPresent()
                && config.callKey().filter(key -> !key.isBlank()).isPresent();
        this.baseUrl = configured ? config.baseUrl().map(url -> url.replaceAll("/+$", "")) : Optional.empty();
        this.callKey = configured ? ServiceCallTokens.readKey(config.callKey().get()) : null;
        this.self = service.name();
    }

    public boolean configured() {
        return baseUrl.isPresent();
    }

    /**
     * A fresh URL for one of ingest-service's signed asset URLs ({@code signature=} in its query): they expire (a week
     * by default) while the services holding one may use it much later. A URL that is not signed, or that
     * ingest-service does not renew, comes back as it was, and whoever fetches it finds out.
     */
    public Uni<String> renewed(String url) {
        if (baseUrl.isEmpty() || url == null || !url.contains("signature=")) {
            return Uni.createFrom().item(url);
        }
        return authorized(http.postAbs(baseUrl.get() + "/internal/v1/asset-urls/refresh"))
                .timeout(10_000)
                .sendJsonObject(new JsonObject().put("url", url))
                .map(response -> {
                    if (response.statusCode() != 200) {
                        LOG.warnf("ingest-service did not renew a media URL: HTTP %d", response.statusCode());
                        return url;
                    }
                    return response.bodyAsJsonObject().getString("url", url);
                })
                .onFailure()
                .recoverWithItem(failure -> {
                    LOG.warnf("ingest-service did not renew a media URL: %s", failure.toString());
                    return url;
                });
    }

    /**
     * Where the item stands; empty when the project has no such item (or this client is unconfigured). A failure to
     * ask fails the Uni, so that a caller can answer "try again" rather than a wrong "unknown".
     */
    public Uni<Optional<MediaState>> state(UUID projectId, UUID mediaId) {
        if (baseUrl.isEmpty()) {
            return Uni.createFrom().item(Optional.empty());
        }
        return authorized(http.getAbs(mediaRoute(projectId, mediaId) + "/state"))
                .timeout(10_000)
                .send()
                .map(response -> switch (response.statusCode()) {
                    case 200 ->
                        Optional.of(EventCodec.mapper()
                                .convertValue(response.bodyAsJsonObject().getMap(), MediaState.class));
                    case 404 -> Optional.<MediaState>empty();
                    default -> throw unexpected(response.statusCode(), mediaId);
                });
    }

    /**
     * The item as ingest-service's {@code media.ingested} told it, with fresh URLs: for a service that did not keep
     * the event. Empty when ingest-service has no such ingested item, or this client is unconfigured.
     */
    public Uni<Optional<MediaIngested>> ingested(UUID projectId, UUID mediaId) {
        if (baseUrl.isEmpty()) {
            return Uni.createFrom().item(Optional.empty());
        }
        return authorized(http.getAbs(mediaRoute(projectId, mediaId) + "/ingested"))
                .timeout(10_000)
                .send()
                .map(response -> switch (response.statusCode()) {
                    case 200 ->
                        Optional.of(EventCodec.mapper()
                                .convertValue(response.bodyAsJsonObject().getMap(), MediaIngested.class));
                    case 404 -> Optional.<MediaIngested>empty();
                    default -> throw unexpected(response.statusCode(), mediaId);
                });
    }

    /** Stores a JPEG as the item's thumbnail in ingest-service's storage; its URL, or empty when that failed. */
    public Uni<Optional<String>> storeThumbnail(UUID projectId, UUID mediaId, byte[] jpeg) {
        if (baseUrl.isEmpty()) {
            return Uni.createFrom().item(Optional.empty());
        }
        return authorized(http.putAbs(mediaRoute(projectId, mediaId) + "/thumbnail"))
                .timeout(20_000)
                .putHeader("Content-Type", "image/jpeg")
                .sendBuffer(Buffer.buffer(jpeg))
                .map(response -> {
                    if (response.statusCode() != 200) {
                        LOG.warnf(
                                "ingest-service did not store the thumbnail of %s: HTTP %d",
                                mediaId, response.statusCode());
                        return Optional.<String>empty();
                    }
                    return Optional.ofNullable(response.bodyAsJsonObject().getString("url"));
                })
                .onFailure()
                .recoverWithItem(failure -> {
                    LOG.warnf("ingest-service did not store the thumbnail of %s: %s", mediaId, failure.toString());
                    return Optional.empty();
                });
    }

    /** ingest-service refused a generated post for good (not media it takes, or this caller is not let in). */
    public static final class HandoffRefused extends RuntimeException {
        private final int status;

        public HandoffRefused(int status, String body) {
            super("ingest-service refused the generated post: HTTP " + status + " " + body, null, false, false);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    /**
     * Hands a generated post to ingest-service as a new media item with {@code source: generated} and its provenance
     * (a JSON object), proven with this service's pair key: the item's id, or the id of the item the same bytes
     * already are. A refusal (4xx) fails with {@link HandoffRefused}; no answer or a 5xx fails otherwise, for the caller
     * to try again (the same bytes are then recognised).
     */
    public Uni<UUID> submitGenerated(
            UUID projectId,
            java.nio.file.Path file,
            String fileName,
            String contentType,
            UUID derivedFromPlanId,
            String provenanceJson) {
        if (baseUrl.isEmpty()) {
            return Uni.createFrom().failure(new IllegalStateException("ingest-client is not configured"));
        }
        io.vertx.mutiny.ext.web.multipart.MultipartForm form = io.vertx.mutiny.ext.web.multipart.MultipartForm.create()
                .attribute("provenance", provenanceJson)
                .binaryFileUpload("file", fileName, file.toString(), contentType);
        if (derivedFromPlanId != null) {
            form.attribute("derivedFromPlanId", derivedFromPlanId.toString());
        }
        return authorized(http.postAbs(baseUrl.get() + "/internal/v1/media/" + projectId + "/generated"))
                .timeout(300_000)
                .sendMultipartForm(form)
                .map(response -> {
                    int status = response.statusCode();
                    if (status == 200 || status == 201) {
                        JsonObject item = response.bodyAsJsonObject();
                        String original = item.getString("duplicateOf");
                        return UUID.fromString(original != null ? original : item.getString("id"));
                    }
                    if (status >= 400 && status < 500 && status != 408 && status != 429) {
                        throw new HandoffRefused(status, response.bodyAsString());
                    }
                    throw new IllegalStateException("ingest-service answered HTTP " + status + " to a generated post");
                });
    }

    private String mediaRoute(UUID projectId, UUID mediaId) {
        return baseUrl.get() + "/internal/v1/media/" + projectId + "/" + mediaId;
    }

    private <T> HttpRequest<T> authorized(HttpRequest<T> request) {
        return request.putHeader(
                ServiceCallTokens.HEADER, "Bearer " + ServiceCallTokens.mint(callKey, self, CALLEE, Instant.now()));
    }

    private static IllegalStateException unexpected(int status, UUID mediaId) {
        return new IllegalStateException("ingest-service answered HTTP " + status + " about the item " + mediaId);
    }
}
