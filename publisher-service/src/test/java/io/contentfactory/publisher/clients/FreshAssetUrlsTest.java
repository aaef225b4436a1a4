package io.contentfactory.publisher.clients;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.contentfactory.auth.ServiceCallTokens;
import io.contentfactory.contracts.events.CarouselItem;
import io.contentfactory.contracts.events.MediaType;
import io.contentfactory.contracts.events.PostFormat;
import io.contentfactory.ingestclient.IngestClient;
import io.contentfactory.kit.ServiceConfig;
import io.contentfactory.publisher.domain.PublishRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.Vertx;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Media URLs renewed at a local stand-in for ingest-service's internal route, which checks the caller's token. */
class FreshAssetUrlsTest {

    private static final byte[] PAIR_KEY =
            "publisher-to-ingest-pair-key-for-this-test".getBytes(StandardCharsets.UTF_8);
    private static final String SIGNED = "https://media.example.com/media/p/m/content?expires=1&signature=old";

    private final Vertx vertx = Vertx.vertx();
    private HttpServer ingest;
    private final AtomicInteger calls = new AtomicInteger();
    private volatile boolean down;

    @BeforeEach
    void ingestStandIn() throws Exception {
        ingest = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        ingest.createContext("/internal/v1/asset-urls/refresh", exchange -> {
            calls.incrementAndGet();
            String token = exchange.getRequestHeaders()
                    .getFirst(ServiceCallTokens.HEADER)
                    .substring(7);
            String caller = ServiceCallTokens.verify(
                    token, Map.of("publisher-service", PAIR_KEY), "ingest-service", Instant.now());
            String url = new JsonObject(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8))
                    .getString("url");
            byte[] body = new JsonObject()
                    .put("url", url.replace("signature=old", "signature=new-for-" + caller))
                    .encode()
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(down ? 503 : 200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        ingest.start();
    }

    @AfterEach
    void stop() {
        ingest.stop(0);
        vertx.closeAndAwait();
    }

    @Test
    void signedUrlsOfTheMediaAndEveryCarouselItemAreRenewedAndOthersLeftAlone() {
        PublishRequest request = request(
                SIGNED,
                List.of(
                        new CarouselItem(UUID.randomUUID(), MediaType.IMAGE, SIGNED, "image/jpeg"),
                        new CarouselItem(
                                UUID.randomUUID(),
                                MediaType.IMAGE,
                                "https://media.example.com/media/unsigned.jpg",
                                "image/jpeg")));

        PublishRequest renewed = fresh(true).of(request).await().indefinitely();

        assertThat(renewed.mediaUrl()).endsWith("signature=new-for-publisher-service");
        assertThat(renewed.carousel().get(0).mediaUrl()).endsWith("signature=new-for-publisher-service");
        assertThat(renewed.carousel().get(1).mediaUrl()).isEqualTo("https://media.example.com/media/unsigned.jpg");
        assertThat(renewed.caption()).isEqualTo(request.caption());
        assertThat(calls).hasValue(2);
    }

    @Test
    void whenIngestCannotAnswerOrIsNotConfiguredTheUrlGoesOnAsItIs() {
        down = true;
        assertThat(fresh(true)
                        .of(request(SIGNED, List.of()))
                        .await()
                        .indefinitely()
                        .mediaUrl())
                .isEqualTo(SIGNED);

        calls.set(0);
        assertThat(fresh(false)
                        .of(request(SIGNED, List.of()))
                        .await()
                        .indefinitely()
                        .mediaUrl())
                .isEqualTo(SIGNED);
        assertThat(calls).hasValue(0);
    }

    private FreshAssetUrls fresh(boolean configured) {
        String base = "http://127.0.0.1:" + ingest.getAddress().getPort();
        IngestClient.Config config = new IngestClient.Config() {
            public Optional<String> baseUrl() {
                return configured ? Optional.of(base) : Optional.empty();
            }

            public Optional<String> callKey() {
                return Optional.of(Base64.getUrlEncoder().withoutPadding().encodeToString(PAIR_KEY));
            }
        };
        ServiceConfig service = new ServiceConfig() {
            public String name() {
                return "publisher-service";
            }

            public String schema() {
                return "publisher";
            }
        };
        return new FreshAssetUrls(new IngestClient(vertx, config, service));
    }

    private static PublishRequest request(String url, List<CarouselItem> carousel) {
        return new PublishRequest(
                UUID.randomUUID(),
                "acct",
                carousel.isEmpty() ? PostFormat.REEL : PostFormat.CAROUSEL,
                MediaType.VIDEO,
                url,
                "video/mp4",
                "a caption",
                Instant.now(),
                carousel);
    }
}
