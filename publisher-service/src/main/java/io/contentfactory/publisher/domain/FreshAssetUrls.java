package io.contentfactory.publisher.domain;

import io.contentfactory.contracts.events.CarouselItem;
import io.contentfactory.kit.ServiceConfig;
import io.contentfactory.kit.calls.AssetUrlRenewal;
import io.contentfactory.publisher.platform.PublishRequest;
import io.smallrye.config.ConfigMapping;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * Renews a job's media URLs just before they are checked and sent. ingest-service's asset URLs are signed and expire
 * (a week by default), while a post may be planned weeks ahead: the URL a post carries can be dead by its slot. So
 * each signed URL ({@code signature=} in its query) is exchanged for a fresh one at ingest-service's internal route,
 * proven with the pair key the two services share. Unconfigured, or when ingest-service cannot answer, the URL goes
 * on as it is and the preflight decides.
 */
@ApplicationScoped
public class FreshAssetUrls {

    @ConfigMapping(prefix = "factory.publisher.ingest")
    public interface Config {
        /** ingest-service's internal address, for example {@code http://ingest-service:8081}. */
        Optional<String> baseUrl();

        /** The base64url pair key this service shares with ingest-service. */
        Optional<String> callKey();
    }

    private final Optional<AssetUrlRenewal> renewal;

    FreshAssetUrls(Config config, WebClient http, ServiceConfig service) {
        boolean configured = config.baseUrl().filter(url -> !url.isBlank()).isPresent()
                && config.callKey().filter(key -> !key.isBlank()).isPresent();
        this.renewal = configured
                ? Optional.of(new AssetUrlRenewal(
                        http, config.baseUrl().get(), config.callKey().get(), service.name()))
                : Optional.empty();
    }

    /** The request with each signed media URL renewed. */
    public Uni<PublishRequest> of(PublishRequest request) {
        if (renewal.isEmpty()) {
            return Uni.createFrom().item(request);
        }
        AssetUrlRenewal renew = renewal.get();
        Uni<String> media = renew.renewed(request.mediaUrl());
        Uni<java.util.List<CarouselItem>> carousel = Multi.createFrom()
                .iterable(request.carousel())
                .onItem()
                .transformToUniAndConcatenate(item -> renew.renewed(item.mediaUrl())
                        .map(url -> new CarouselItem(item.mediaId(), item.mediaType(), url, item.contentType())))
                .collect()
                .asList();
        return Uni.combine()
                .all()
                .unis(media, carousel)
                .asTuple()
                .map(renewed -> new PublishRequest(
                        request.jobId(),
                        request.accountId(),
                        request.format(),
                        request.mediaType(),
                        renewed.getItem1(),
                        request.contentType(),
                        request.caption(),
                        request.createdAt(),
                        renewed.getItem2()));
    }
}
