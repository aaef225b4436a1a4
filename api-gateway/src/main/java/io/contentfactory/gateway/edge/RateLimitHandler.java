package io.contentfactory.gateway.edge;

import io.contentfactory.kit.problem.Problem;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;

/** The key's and the project's request rates ({@link RateLimiter}): over either, 429 with {@code Retry-After}. */
@ApplicationScoped
class RateLimitHandler implements Handler<RoutingContext> {

    private final RateLimiter limiter;

    RateLimitHandler(RateLimiter limiter) {
        this.limiter = limiter;
    }

    @Override
    public void handle(RoutingContext ctx) {
        Optional<Duration> wait = limiter.acquire(EdgeRequest.principal(ctx));
        if (wait.isEmpty()) {
            ctx.next();
            return;
        }
        long seconds = Math.max(1, (long) Math.ceil(wait.get().toMillis() / 1000.0));
        ctx.response().putHeader("Retry-After", Long.toString(seconds));
        EdgeProblems.send(
                ctx,
                Problem.of(
                        429,
                        "rate_limited",
                        "Too many requests",
                        "this key or project is over its request rate; retry after " + seconds + " s"),
                EdgeRequest.requestId(ctx));
    }
}
