package io.contentfactory.analysis.platform;

import io.contentfactory.contracts.EventCodec;
import io.contentfactory.contracts.ServiceCallTokens;
import io.contentfactory.contracts.events.MediaIngested;
import io.contentfactory.kit.ServiceConfig;
import io.contentfactory.kit.calls.AssetUrlRenewal;
import io.smallrye.config.ConfigMapping;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * ingest-service's internal routes, each call proven with the pair key the two services share: a media item's
 * thumbnail is stored in its storage (the one object store), and a media URL is renewed before an item is analysed
 * again (its signed URL may have expired since it was ingested). Unconfigured, or when ingest-service cannot answer,
 * there is no thumbnail URL and the old media URL is used.
 */
@ApplicationScoped
public class IngestClient {

    private static final Logger LOG = Logger.getLogger(IngestClient.class);

    @ConfigMapping(prefix = "factory.analysis.ingest")
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
    private final Optional<AssetUrlRenewal> renewal;

    IngestClient(Vertx vertx, Config config, ServiceConfig service) {
        this.http = WebClient.create(vertx);
        boolean configured = config.baseUrl().filter(url -> !url.isBlank()).isPresent()
                && config.callKey().filter(key -> !key.isBlank()).isPresent();
        this.baseUrl = configured ? config.baseUrl().map(url -> url.replaceAll("/+$", "")) : Optional.empty();
        this.callKey = configured ? ServiceCallTokens.readKey(config.callKey().get()) : null;
        this.self = service.name();
        this.renewal = configured
                ? Optional.of(new AssetUrlRenewal(
                        http, baseUrl.get(), config.callKey().get(), self))
                : Optional.empty();
    }

    public boolean configured() {
        return baseUrl.isPresent();
    }

    public Uni<Optional<String>> storeThumbnail(UUID projectId, UUID mediaId, byte[] jpeg) {
        if (baseUrl.isEmpty()) {
            return Uni.createFrom().item(Optional.empty());
        }
        return http.putAbs(baseUrl.get() + "/internal/v1/media/" + projectId + "/" + mediaId + "/thumbnail")
                .timeout(20_000)
                .putHeader(ServiceCallTokens.HEADER, bearer())
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

    /**
     * The item as ingest-service's {@code media.ingested} told it, with fresh URLs: for an item whose event this
     * service did not keep. Empty when ingest-service has no such ingested item, or is not configured.
     */
    public Uni<Optional<MediaIngested>> ingested(UUID projectId, UUID mediaId) {
        if (baseUrl.isEmpty()) {
            return Uni.createFrom().item(Optional.empty());
        }
        return http.getAbs(baseUrl.get() + "/internal/v1/media/" + projectId + "/" + mediaId + "/ingested")
                .timeout(10_000)
                .putHeader(ServiceCallTokens.HEADER, bearer())
                .send()
                .map(response -> switch (response.statusCode()) {
                    case 200 ->
                        Optional.of(EventCodec.mapper()
                                .convertValue(response.bodyAsJsonObject().getMap(), MediaIngested.class));
                    case 404 -> Optional.<MediaIngested>empty();
                    default ->
                        throw new IllegalStateException(
                                "ingest-service answered " + response.statusCode() + " for the item " + mediaId);
                });
    }

    /** A fresh signed URL for a media URL ingest-service signed; the URL itself when it cannot be renewed. */
    public Uni<String> renewed(String url) {
        return renewal.map(renew -> renew.renewed(url))
                .orElseGet(() -> Uni.createFrom().item(url));
    }

    private String bearer() {
        return "Bearer " + ServiceCallTokens.mint(callKey, self, "ingest-service", Instant.now());
    }
}
