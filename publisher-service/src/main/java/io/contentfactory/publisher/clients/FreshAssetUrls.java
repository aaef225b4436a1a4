package io.contentfactory.publisher.clients;

import io.contentfactory.contracts.events.CarouselItem;
import io.contentfactory.ingestclient.IngestClient;
import io.contentfactory.publisher.domain.PublishRequest;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Renews a job's media URLs just before they are checked and sent. ingest-service's asset URLs are signed and expire
 * (a week by default), while a post may be planned weeks ahead: the URL a post carries can be dead by its slot. So
 * each signed URL ({@code signature=} in its query) is exchanged for a fresh one at ingest-service's internal route,
 * proven with the pair key the two services share. Unconfigured, or when ingest-service cannot answer, the URL goes
 * on as it is and the preflight decides.
 */
@ApplicationScoped
public class FreshAssetUrls {

    private final IngestClient ingest;

    FreshAssetUrls(IngestClient ingest) {
        this.ingest = ingest;
    }

    /** The request with each signed media URL renewed. */
    public Uni<PublishRequest> of(PublishRequest request) {
        if (!ingest.configured()) {
            return Uni.createFrom().item(request);
        }
        Uni<String> media = ingest.renewed(request.mediaUrl());
        Uni<java.util.List<CarouselItem>> carousel = Multi.createFrom()
                .iterable(request.carousel())
                .onItem()
                .transformToUniAndConcatenate(item -> ingest.renewed(item.mediaUrl())
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
