package io.contentfactory.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import io.contentfactory.gateway.domain.Principal;
import io.contentfactory.gateway.domain.Scope;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The streaming proxy against a real upstream server: what it sends, what it answers back, and its failures. */
class ForwardingHandlerTest {

    private static final Principal CALLER =
            new Principal(UUID.randomUUID(), UUID.randomUUID(), Set.of(Scope.WRITE), null, null);
    private static final AtomicReference<io.vertx.core.MultiMap> upstreamHeaders = new AtomicReference<>();
    private static final AtomicReference<String> upstreamUri = new AtomicReference<>();

    private static final Vertx vertx = Vertx.vertx();
    private static EdgeHarness edge;

    @BeforeAll
    static void start() throws Exception {
        HttpServer upstream = vertx.createHttpServer()
                .requestHandler(request -> {
                    upstreamHeaders.set(request.headers());
                    upstreamUri.set(request.uri());
                    request.body()
                            .onSuccess(body -> request.response()
                                    .setStatusCode(201)
                                    .putHeader(
                                            "Location",
                                            "http://localhost:"
                                                    + request.localAddress().port() + "/v1/posts/9?v=2")
                                    .putHeader("Content-Type", "application/json")
                                    .end("{\"echo\":" + body.length() + "}"));
                })
                .listen(0)
                .toCompletionStage()
                .toCompletableFuture()
                .get(60, TimeUnit.SECONDS);
        Map<String, URI> routes = Map.of(
                "posts", URI.create("http://localhost:" + upstream.actualPort()),
                "calendar", URI.create("http://localhost:" + upstream.actualPort()),
                "gone", URI.create("http://localhost:1"));
        BodyLimits limits =
                new BodyLimits(new MemorySize(BigInteger.valueOf(1000)), new MemorySize(BigInteger.valueOf(1000)));
        Forwarder forwarder = new Forwarder(vertx, limits, Duration.ofSeconds(60));
        edge = new EdgeHarness(
                new RequestIdHandler(),
                limits,
                ctx -> {
                    EdgeRequest.principal(ctx, CALLER);
                    ctx.next();
                },
                new RouteHandler(() -> routes, Map::of, (principal, audience) -> "internal-token-for-" + audience),
                new ForwardingHandler(forwarder));
    }

    @AfterAll
    static void stop() throws Exception {
        edge.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }

    @Test
    void theRequestGoesUpstreamWithTheInternalTokenInPlaceOfTheKey() throws Exception {
        HttpResponse<String> answer = edge.send(HttpRequest.newBuilder(edge.uri("/v1/posts?draft=true"))
                .header("Authorization", "Bearer cf_live_secret")
                .header("X-Request-Id", "request-0001")
                .header("X-Custom", "kept")
                .POST(HttpRequest.BodyPublishers.ofString("{\"a\":1}")));

        assertThat(answer.statusCode()).isEqualTo(201);
        assertThat(answer.body()).isEqualTo("{\"echo\":7}");
        assertThat(upstreamUri.get()).isEqualTo("/v1/posts?draft=true");
        assertThat(upstreamHeaders.get().get("Authorization")).isEqualTo("Bearer internal-token-for-posts");
        assertThat(upstreamHeaders.get().get("X-Request-Id")).isEqualTo("request-0001");
        assertThat(upstreamHeaders.get().get("X-Custom")).isEqualTo("kept");
        assertThat(upstreamHeaders.get().get("X-Forwarded-For")).isNotBlank();
    }

    @Test
    void aLocationNamingTheServicesOwnAddressIsAnsweredAsTheGatewaysPath() throws Exception {
        HttpResponse<String> answer = edge.send(
                HttpRequest.newBuilder(edge.uri("/v1/posts")).POST(HttpRequest.BodyPublishers.ofString("{}")));

        assertThat(answer.headers().firstValue("Location")).hasValue("/v1/posts/9?v=2");
    }

    @Test
    void theCalendarFeedsQueryKeyStopsHereAndOtherQueriesPassOnWhole() throws Exception {
        edge.get("/v1/calendar.ics?token=cf_live_secret&x=1");
        assertThat(upstreamUri.get()).isEqualTo("/v1/calendar.ics?x=1");

        edge.get("/v1/calendar.ics?token=cf_live_secret");
        assertThat(upstreamUri.get()).isEqualTo("/v1/calendar.ics");

        edge.get("/v1/posts?token=kept&x=1");
        assertThat(upstreamUri.get()).isEqualTo("/v1/posts?token=kept&x=1");
    }

    /** The JDK's client sends a body of unknown length over HTTP/2 (h2c): no Content-Length, no Transfer-Encoding. */
    @Test
    void aStreamedBodyWithoutALengthIsForwardedWholeOverHttp2AsOverHttp11() throws Exception {
        for (java.net.http.HttpClient.Version version : java.net.http.HttpClient.Version.values()) {
            HttpResponse<String> answer = edge.send(HttpRequest.newBuilder(edge.uri("/v1/posts"))
                    .version(version)
                    .POST(HttpRequest.BodyPublishers.ofInputStream(
                            () -> new java.io.ByteArrayInputStream(new byte[900]))));

            assertThat(answer.statusCode()).as(version.name()).isEqualTo(201);
            assertThat(answer.body()).as(version.name()).isEqualTo("{\"echo\":900}");
        }
    }

    @Test
    void aChunkedBodyThatGrowsPastTheLimitIs413AndAServiceThatDoesNotAnswerIs502() throws Exception {
        HttpResponse<String> tooLarge = edge.send(HttpRequest.newBuilder(edge.uri("/v1/posts"))
                .version(java.net.http.HttpClient.Version.HTTP_1_1)
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new java.io.ByteArrayInputStream(new byte[5000]))));
        HttpResponse<String> gone = edge.get("/v1/gone/1");

        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(tooLarge.headers().firstValue("Connection")).hasValue("close");
        HttpResponse<String> tooLargeOverHttp2 = edge.send(HttpRequest.newBuilder(edge.uri("/v1/posts"))
                .version(java.net.http.HttpClient.Version.HTTP_2)
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new java.io.ByteArrayInputStream(new byte[5000]))));
        assertThat(tooLargeOverHttp2.statusCode()).isEqualTo(413);
        assertThat(tooLarge.body()).contains("\"code\":\"body_too_large\"");
        assertThat(gone.statusCode()).isEqualTo(502);
        assertThat(gone.body()).contains("\"code\":\"upstream_unavailable\"");
    }
}
