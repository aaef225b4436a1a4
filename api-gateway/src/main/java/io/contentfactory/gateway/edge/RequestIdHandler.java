package io.contentfactory.gateway.edge;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * First of the edge's handlers: the request's id, the caller's own when it is safe to echo and log, else a new one,
 * answered in {@code X-Request-Id} and passed on to the service. The body is paused here, until the request is let
 * through (or refused) without reading it.
 */
@ApplicationScoped
class RequestIdHandler implements Handler<RoutingContext> {

    static final String HEADER = "X-Request-Id";
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._-]{8,64}");

    @Override
    public void handle(RoutingContext ctx) {
        ctx.request().pause();
        String requestId = requestId(ctx.request());
        EdgeRequest.requestId(ctx, requestId);
        ctx.response().putHeader(HEADER, requestId);
        ctx.next();
    }

    private static String requestId(HttpServerRequest request) {
        String presented = request.getHeader(HEADER);
        return presented != null && SAFE.matcher(presented).matches()
                ? presented
                : UUID.randomUUID().toString();
    }
}
