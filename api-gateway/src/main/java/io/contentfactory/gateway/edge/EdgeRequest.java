package io.contentfactory.gateway.edge;

import io.contentfactory.gateway.domain.Principal;
import io.contentfactory.gateway.domain.Scope;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * What the edge's handlers learn about a request and pass on to the next ones, kept in its {@link RoutingContext}:
 * each handler sets its part, and later ones read it.
 */
final class EdgeRequest {

    private static final String REQUEST_ID = "edge.requestId";
    private static final String PRINCIPAL = "edge.principal";
    private static final String SCOPE = "edge.scope";
    private static final String UPSTREAM = "edge.upstream";
    private static final String TOKEN = "edge.token";
    private static final String FEED_PATH = "/v1/calendar.ics";

    private EdgeRequest() {}

    static String requestId(RoutingContext ctx) {
        return ctx.get(REQUEST_ID);
    }

    static void requestId(RoutingContext ctx, String requestId) {
        ctx.put(REQUEST_ID, requestId);
    }

    static Principal principal(RoutingContext ctx) {
        return ctx.get(PRINCIPAL);
    }

    static void principal(RoutingContext ctx, Principal principal) {
        ctx.put(PRINCIPAL, principal);
    }

    static Scope scope(RoutingContext ctx) {
        return ctx.get(SCOPE);
    }

    static void scope(RoutingContext ctx, Scope scope) {
        ctx.put(SCOPE, scope);
    }

    static Upstreams.Upstream upstream(RoutingContext ctx) {
        return ctx.get(UPSTREAM);
    }

    /** The owning service of the request's route and the internal token addressed to it. */
    static void upstream(RoutingContext ctx, Upstreams.Upstream upstream, String token) {
        ctx.put(UPSTREAM, upstream);
        ctx.put(TOKEN, token);
    }

    static String token(RoutingContext ctx) {
        return ctx.get(TOKEN);
    }

    /** Calendar apps cannot send headers: the feed alone also takes its key as {@code ?token=}. */
    static boolean isFeed(HttpServerRequest request) {
        return FEED_PATH.equals(request.path())
                && (request.method() == HttpMethod.GET || request.method() == HttpMethod.HEAD);
    }

    /** Media uploads stream through with their own, larger limit; every other body is small JSON. */
    static boolean isUpload(HttpServerRequest request) {
        return request.method() == HttpMethod.POST && "/v1/media".equals(request.path());
    }
}
