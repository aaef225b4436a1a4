package io.contentfactory.gateway.edge;

import io.contentfactory.gateway.domain.Principal;
import io.contentfactory.gateway.service.InternalTokenMinter;
import io.contentfactory.kit.problem.Problem;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * The service that owns the path ({@link Upstreams}; 404 when none does), and the internal token addressed to it,
 * for the project, with the key's scopes.
 */
@ApplicationScoped
class RouteHandler implements Handler<RoutingContext> {

    /** Mints the internal token for a caller and the service it goes to. */
    @FunctionalInterface
    interface TokenMint {
        String mint(Principal principal, String audience);
    }

    private final Upstreams upstreams;
    private final ServiceAudiences audiences;
    private final TokenMint tokens;

    @Inject
    RouteHandler(Upstreams upstreams, ServiceAudiences audiences, InternalTokenMinter tokens) {
        this(upstreams, audiences, tokens::mint);
    }

    RouteHandler(Upstreams upstreams, ServiceAudiences audiences, TokenMint tokens) {
        this.upstreams = upstreams;
        this.audiences = audiences;
        this.tokens = tokens;
    }

    @Override
    public void handle(RoutingContext ctx) {
        Optional<Upstreams.Upstream> owner = upstreams.ownerOf(ctx.request().path(), audiences.byResource());
        if (owner.isEmpty()) {
            EdgeProblems.send(
                    ctx, Problem.of(404, "not_found", "Not found", "no such route"), EdgeRequest.requestId(ctx));
            return;
        }
        String token = tokens.mint(EdgeRequest.principal(ctx), owner.get().audience());
        EdgeRequest.upstream(ctx, owner.get(), token);
        ctx.next();
    }
}
