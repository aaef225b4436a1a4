package io.contentfactory.publisher.domain;

import io.contentfactory.contracts.ServiceCallTokens;
import io.contentfactory.contracts.events.CarouselItem;
import io.contentfactory.kit.ServiceConfig;
import io.contentfactory.publisher.platform.PublishRequest;
import io.smallrye.config.ConfigMapping;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Renews a job's media URLs just before they are checked and sent. ingest-service's asset URLs are signed and expire
 * (a week by default), while a post may be planned weeks ahead: the URL a post carries can be dead by its slot. So
 * each signed URL ({@code signature=} in its query) is exchanged for a fresh one at ingest-service's internal route,
 * proven with the pair key the two services share. Unconfigured, or when ingest-service cannot answer, the URL goes
 * on as it is and the preflight decides.
 */
@ApplicationScoped
public class FreshAssetUrls {

    private static final Logger LOG = Logger.getLogger(FreshAssetUrls.class);

    @ConfigMapping(prefix = "factory.publisher.ingest")
    public interface Config {
        /** ingest-service's internal address, for example {@code http://ingest-service:8081}. */
        Optional<String> baseUrl();

        /** The base64url pair key this service shares with ingest-service. */
        Optional<String> callKey();
    }

    private final WebClient http;
    private final Optional<String> endpoint;
    private final byte[] callKey;
    private final String self;

    FreshAssetUrls(Config config, WebClient http, ServiceConfig service) {
        this.http = http;
        boolean configured = config.baseUrl().filter(url -> !url.isBlank()).isPresent()
                && config.callKey().filter(key -> !key.isBlank()).isPresent();
        this.endpoint = configured
                ? Optional.of(config.baseUrl().get().replaceAll("/+$", "") + "/internal/v1/asset-urls/refresh")
                : Optional.empty();
        this.callKey = configured ? ServiceCallTokens.readKey(config.callKey().get()) : null;
        this.self = service.name();
    }

    /** The request with each signed media URL renewed. */
    public Uni<PublishRequest> of(PublishRequest request) {
        if (endpoint.isEmpty()) {
            return Uni.createFrom().item(request);
        }
        Uni<String> media = renewed(request.mediaUrl());
        Uni<java.util.List<CarouselItem>> carousel = Multi.createFrom().iterable(request.carousel())
                .onItem().transformToUniAndConcatenate(item -> renewed(item.mediaUrl())
                        .map(url -> new CarouselItem(item.mediaId(), item.mediaType(), url, item.contentType())))
                .collect().asList();
        return Uni.combine().all().unis(media, carousel).asTuple().map(renewed -> new PublishRequest(request.jobId(),
                request.accountId(), request.format(), request.mediaType(), renewed.getItem1(), request.contentType(),
                request.caption(), request.createdAt(), renewed.getItem2()));
    }

    private Uni<String> renewed(String url) {
        if (url == null || !url.contains("signature=")) {
            return Uni.createFrom().item(url);
        }
        String token = ServiceCallTokens.mint(callKey, self, "ingest-service", Instant.now());
        return http.postAbs(endpoint.get()).timeout(10_000).putHeader(ServiceCallTokens.HEADER, "Bearer " + token)
                .sendJsonObject(new JsonObject().put("url", url))
                .map(response -> {
                    if (response.statusCode() != 200) {
                        LOG.warnf("ingest-service did not renew a media URL: HTTP %d", response.statusCode());
                        return url;
                    }
                    return response.bodyAsJsonObject().getString("url", url);
                })
                .onFailure().recoverWithItem(failure -> {
                    LOG.warnf("ingest-service did not renew a media URL: %s", failure.toString());
                    return url;
                });
    }
}
