package io.contentfactory.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import io.contentfactory.gateway.domain.Principal;
import io.contentfactory.gateway.domain.Scope;
import java.net.http.HttpResponse;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RateLimitHandlerTest {

    /** A project allowed two requests at once, refilled at one every thousand seconds: the third waits. */
    private static final Principal CALLER =
            new Principal(UUID.randomUUID(), UUID.randomUUID(), Set.of(Scope.READ), null, null);

    private static EdgeHarness edge;

    @BeforeAll
    static void start() throws Exception {
        RateLimiter limiter = new RateLimiter(100, 100, 0.001, 2);
        edge = new EdgeHarness(
                new RequestIdHandler(),
                ctx -> {
                    EdgeRequest.principal(ctx, CALLER);
                    ctx.next();
                },
                new RateLimitHandler(limiter));
    }

    @AfterAll
    static void stop() throws Exception {
        edge.close();
    }

    @Test
    void aRequestOverTheProjectsRateIs429WithWhenToRetry() throws Exception {
        assertThat(edge.get("/v1/posts").statusCode()).isEqualTo(200);
        assertThat(edge.get("/v1/posts").statusCode()).isEqualTo(200);

        HttpResponse<String> third = edge.get("/v1/posts");

        assertThat(third.statusCode()).isEqualTo(429);
        assertThat(third.body()).contains("\"code\":\"rate_limited\"");
        long retryAfter =
                Long.parseLong(third.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 1000L);
    }
}
