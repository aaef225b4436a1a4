package io.contentfactory.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import io.contentfactory.gateway.domain.Principal;
import io.contentfactory.gateway.domain.Scope;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RouteHandlerTest {

    private static final Principal CALLER =
            new Principal(UUID.randomUUID(), UUID.randomUUID(), Set.of(Scope.WRITE), null, null);
    private static final Map<String, URI> ROUTES = Map.of(
            "posts", URI.create("http://scheduler-service:8083"),
            "media", URI.create("http://ingest-service:8081"),
            "media-analysis", URI.create("http://analysis-service:8082"),
            "media-coach-summary", URI.create("http://coach-service:8086"),
            "posts-targets-metrics", URI.create("http://metrics-service:8085"));

    private static EdgeHarness edge;

    @BeforeAll
    static void start() throws Exception {
        Upstreams upstreams = () -> ROUTES;
        ServiceAudiences audiences = () -> Map.of("posts", "scheduler-service", "media", "ingest-service");
        edge = new EdgeHarness(
                new RequestIdHandler(),
                ctx -> {
                    EdgeRequest.principal(ctx, CALLER);
                    ctx.next();
                },
                new RouteHandler(
                        upstreams, audiences, (principal, audience) -> principal.projectId() + "|" + audience));
    }

    @AfterAll
    static void stop() throws Exception {
        edge.close();
    }

    @Test
    void aResourceGoesToTheServiceThatOwnsItWithATokenAddressedToThatService() throws Exception {
        HttpResponse<String> answer = edge.get("/v1/posts/42?x=1");

        assertThat(answer.headers().firstValue("X-Seen-Upstream")).hasValue("http://scheduler-service:8083");
        assertThat(answer.headers().firstValue("X-Seen-Token")).hasValue(CALLER.projectId() + "|scheduler-service");
    }

    @Test
    void aSubResourceWithARouteOfItsOwnGoesToItsOwnService() throws Exception {
        HttpResponse<String> analysis = edge.get("/v1/media/7/analysis");
        HttpResponse<String> item = edge.get("/v1/media/7");

        assertThat(analysis.headers().firstValue("X-Seen-Upstream")).hasValue("http://analysis-service:8082");
        assertThat(analysis.headers().firstValue("X-Seen-Token").orElseThrow()).endsWith("|media-analysis");
        assertThat(item.headers().firstValue("X-Seen-Upstream")).hasValue("http://ingest-service:8081");
    }

    @Test
    void aCustomMethodOfASubResourceGoesWhereItsSubResourceGoes() throws Exception {
        HttpResponse<String> refresh = edge.get("/v1/media/7/coach-summary:refresh");
        HttpResponse<String> summary = edge.get("/v1/media/7/coach-summary");

        assertThat(refresh.headers().firstValue("X-Seen-Upstream")).hasValue("http://coach-service:8086");
        assertThat(summary.headers().firstValue("X-Seen-Upstream")).hasValue("http://coach-service:8086");
    }

    @Test
    void aSubResourceOfASubResourceWithARouteOfItsOwnGoesToItsOwnService() throws Exception {
        HttpResponse<String> metrics = edge.get("/v1/posts/p-1/targets/9/metrics");
        HttpResponse<String> markPosted = edge.get("/v1/posts/p-1/targets/9/mark-posted");

        assertThat(metrics.headers().firstValue("X-Seen-Upstream")).hasValue("http://metrics-service:8085");
        assertThat(markPosted.headers().firstValue("X-Seen-Upstream")).hasValue("http://scheduler-service:8083");
    }

    @Test
    void aPathNoServiceOwnsIs404() throws Exception {
        HttpResponse<String> answer = edge.get("/v1/nothing-here/1");

        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(answer.body()).contains("\"code\":\"not_found\"");
    }
}
