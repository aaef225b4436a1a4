package io.contentfactory.gateway.edge;

import io.contentfactory.kit.problem.Problem;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * The public REST surface, {@code /v1/...}: a chain of route handlers, each answering and stopping the request or
 * passing it on. In order: a request id, the body-size limit, the API key resolved to one project, the key's and the
 * project's rate limits, the scope the method needs, the owning service and its internal token, idempotency for
 * writes with a key, then a streamed forward to that service. Start reading at the handler you care about; {@link
 * EdgeRequest} holds what each one learns for the next.
 */
@ApplicationScoped
public class PublicApiEdge {

    private static final Logger LOG = Logger.getLogger(PublicApiEdge.class);

    private final RequestIdHandler requestId;
    private final BodyLimits bodyLimit;
    private final AuthenticationHandler authentication;
    private final RateLimitHandler rateLimits;
    private final ScopeHandler scopes;
    private final RouteHandler route;
    private final IdempotencyHandler idempotency;
    private final ForwardingHandler forwarding;

    PublicApiEdge(
            RequestIdHandler requestId,
            BodyLimits bodyLimit,
            AuthenticationHandler authentication,
            RateLimitHandler rateLimits,
            ScopeHandler scopes,
            RouteHandler route,
            IdempotencyHandler idempotency,
            ForwardingHandler forwarding) {
        this.requestId = requestId;
        this.bodyLimit = bodyLimit;
        this.authentication = authentication;
        this.rateLimits = rateLimits;
        this.scopes = scopes;
        this.route = route;
        this.idempotency = idempotency;
        this.forwarding = forwarding;
    }

    void install(@Observes Router router) {
        router.route("/v1/*")
                .order(-100)
                .handler(requestId)
                .handler(bodyLimit)
                .handler(authentication)
                .handler(rateLimits)
                .handler(scopes)
                .handler(route)
                .handler(idempotency)
                .handler(forwarding)
                .failureHandler(PublicApiEdge::unexpected);
    }

    /** A handler that threw: 500, with the request id to quote. */
    static void unexpected(RoutingContext ctx) {
        LOG.error("request handling failed unexpectedly", ctx.failure());
        EdgeProblems.send(
                ctx,
                Problem.of(
                        500,
                        "internal_error",
                        "Internal error",
                        "the request failed on our side; quote the request id when reporting it"),
                EdgeRequest.requestId(ctx));
    }
}
