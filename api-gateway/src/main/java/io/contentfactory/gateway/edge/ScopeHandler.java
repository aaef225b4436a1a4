package io.contentfactory.gateway.edge;

import io.contentfactory.gateway.domain.Scope;
import io.contentfactory.kit.problem.Problem;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/** The scope the method needs: {@code read} to look, {@code write} to change, {@code feed} for the calendar feed. */
@ApplicationScoped
class ScopeHandler implements Handler<RoutingContext> {

    @Override
    public void handle(RoutingContext ctx) {
        Scope needed = scopeFor(ctx.request());
        if (!EdgeRequest.principal(ctx).allows(needed)) {
            EdgeProblems.send(
                    ctx,
                    Problem.of(
                            403,
                            "insufficient_scope",
                            "Forbidden",
                            "this key lacks the '" + needed.wireName() + "' scope"),
                    EdgeRequest.requestId(ctx));
            return;
        }
        EdgeRequest.scope(ctx, needed);
        ctx.next();
    }

    static Scope scopeFor(HttpServerRequest request) {
        if (EdgeRequest.isFeed(request)) {
            return Scope.FEED;
        }
        HttpMethod method = request.method();
        return method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS
                ? Scope.READ
                : Scope.WRITE;
    }
}
