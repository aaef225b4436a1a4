package io.contentfactory.gateway.edge;

import io.contentfactory.gateway.domain.Principal;
import io.contentfactory.gateway.service.ApiKeyAuthenticator;
import io.contentfactory.kit.problem.Problem;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * The API key resolved to one project: {@code Authorization: Bearer cf_live_...} (the calendar feed may send it as
 * {@code ?token=} instead). A missing or wrong key gets 401, and keys that cannot be checked (the database is
 * down) 503.
 */
@ApplicationScoped
class AuthenticationHandler implements Handler<RoutingContext> {

    private static final Logger LOG = Logger.getLogger(AuthenticationHandler.class);

    private final Function<String, Uni<Optional<Principal>>> keys;

    @Inject
    AuthenticationHandler(ApiKeyAuthenticator authenticator) {
        this(authenticator::authenticate);
    }

    /** Resolving presented keys with {@code keys}: a test's own. */
    AuthenticationHandler(Function<String, Uni<Optional<Principal>>> keys) {
        this.keys = keys;
    }

    @Override
    public void handle(RoutingContext ctx) {
        keys.apply(credential(ctx.request())).subscribe().with(principal -> authenticated(ctx, principal), failure -> {
            LOG.error("authentication failed unexpectedly", failure);
            EdgeProblems.send(
                    ctx,
                    Problem.of(
                            503,
                            "auth_unavailable",
                            "Service unavailable",
                            "keys cannot be checked right now; retry shortly"),
                    EdgeRequest.requestId(ctx));
        });
    }

    private static void authenticated(RoutingContext ctx, Optional<Principal> principal) {
        if (principal.isEmpty()) {
            ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"content-factory\"");
            EdgeProblems.send(
                    ctx,
                    Problem.of(
                            401,
                            "invalid_api_key",
                            "Unauthorized",
                            "send a valid project API key as 'Authorization: Bearer cf_live_...'"),
                    EdgeRequest.requestId(ctx));
            return;
        }
        EdgeRequest.principal(ctx, principal.get());
        ctx.next();
    }

    private static String credential(HttpServerRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        String bearer = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                ? header.substring(7).trim()
                : null;
        return bearer == null && EdgeRequest.isFeed(request) ? request.getParam("token") : bearer;
    }
}
