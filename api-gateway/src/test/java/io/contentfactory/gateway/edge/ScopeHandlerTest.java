package io.contentfactory.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import io.contentfactory.gateway.domain.Principal;
import io.contentfactory.gateway.domain.Scope;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ScopeHandlerTest {

    private static EdgeHarness edge;

    /** The caller's scopes come from the request's {@code X-Test-Scope}, as the key's would. */
    @BeforeAll
    static void start() throws Exception {
        edge = new EdgeHarness(
                new RequestIdHandler(),
                ctx -> {
                    Scope scope = Scope.parse(ctx.request().getHeader("X-Test-Scope"));
                    EdgeRequest.principal(
                            ctx, new Principal(UUID.randomUUID(), UUID.randomUUID(), Set.of(scope), null, null));
                    ctx.next();
                },
                new ScopeHandler());
    }

    @AfterAll
    static void stop() throws Exception {
        edge.close();
    }

    @Test
    void readsNeedReadAndChangesNeedWrite() throws Exception {
        assertThat(as("read", "GET", "/v1/posts").headers().firstValue("X-Seen-Scope"))
                .hasValue("read");
        assertThat(as("write", "GET", "/v1/posts").statusCode()).isEqualTo(200);

        HttpResponse<String> refused = as("read", "DELETE", "/v1/posts/1");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("\"code\":\"insufficient_scope\"").contains("'write'");
        assertThat(as("write", "POST", "/v1/posts").headers().firstValue("X-Seen-Scope"))
                .hasValue("write");
    }

    @Test
    void aFeedKeyReadsTheCalendarFeedAndNothingElse() throws Exception {
        assertThat(as("feed", "GET", "/v1/calendar.ics").statusCode()).isEqualTo(200);
        assertThat(as("feed", "GET", "/v1/posts").statusCode()).isEqualTo(403);
        assertThat(as("read", "GET", "/v1/calendar.ics").headers().firstValue("X-Seen-Scope"))
                .hasValue("feed");
    }

    private static HttpResponse<String> as(String scope, String method, String path) throws Exception {
        return edge.send(HttpRequest.newBuilder(edge.uri(path))
                .header("X-Test-Scope", scope)
                .method(method, HttpRequest.BodyPublishers.noBody()));
    }
}
