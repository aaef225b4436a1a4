package io.contentfactory.gateway.edge;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Some of the edge's handlers on a real Vert.x HTTP server, without Quarkus: each handler's test puts the handlers
 * it needs in front of its own, and a last handler that answers 200 {@code passed} for a request let through,
 * with what the handlers learnt in {@code X-Seen-*} headers.
 */
final class EdgeHarness implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    final Vertx vertx = Vertx.vertx();
    private final HttpServer server;
    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    @SafeVarargs
    EdgeHarness(Handler<RoutingContext>... handlers) throws Exception {
        Router router = Router.router(vertx);
        Route route = router.route("/v1/*");
        for (Handler<RoutingContext> handler : handlers) {
            route.handler(handler);
        }
        route.handler(EdgeHarness::passed).failureHandler(PublicApiEdge::unexpected);
        server = vertx.createHttpServer()
                .requestHandler(router)
                .listen(0)
                .toCompletionStage()
                .toCompletableFuture()
                .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    private static void passed(RoutingContext ctx) {
        if (EdgeRequest.principal(ctx) != null) {
            ctx.response()
                    .putHeader(
                            "X-Seen-Project",
                            EdgeRequest.principal(ctx).projectId().toString());
        }
        if (EdgeRequest.scope(ctx) != null) {
            ctx.response().putHeader("X-Seen-Scope", EdgeRequest.scope(ctx).wireName());
        }
        if (EdgeRequest.upstream(ctx) != null) {
            ctx.response()
                    .putHeader(
                            "X-Seen-Upstream", EdgeRequest.upstream(ctx).base().toString());
            ctx.response().putHeader("X-Seen-Token", EdgeRequest.token(ctx));
        }
        ctx.request().resume();
        ctx.request().body().onComplete(body -> ctx.response().end("passed"));
    }

    URI uri(String pathAndQuery) {
        return URI.create("http://localhost:" + server.actualPort() + pathAndQuery);
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return client.send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(pathAndQuery)).GET());
    }

    @Override
    public void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }
}
