package io.contentfactory.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import io.contentfactory.gateway.domain.Principal;
import io.contentfactory.gateway.domain.Scope;
import io.smallrye.mutiny.Uni;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AuthenticationHandlerTest {

    private static final String GOOD_KEY = "cf_live_good";
    private static final String BROKEN_STORE_KEY = "cf_live_store_down";
    private static final Principal CALLER =
            new Principal(UUID.randomUUID(), UUID.randomUUID(), Set.of(Scope.READ), null, null);
    private static final List<String> presented = new CopyOnWriteArrayList<>();
    private static EdgeHarness edge;

    @BeforeAll
    static void start() throws Exception {
        edge = new EdgeHarness(new RequestIdHandler(), new AuthenticationHandler(key -> {
            presented.add(String.valueOf(key));
            if (BROKEN_STORE_KEY.equals(key)) {
                return Uni.createFrom().failure(new IllegalStateException("database down"));
            }
            return Uni.createFrom().item(GOOD_KEY.equals(key) ? Optional.of(CALLER) : Optional.empty());
        }));
    }

    @AfterAll
    static void stop() throws Exception {
        edge.close();
    }

    @Test
    void aGoodBearerKeyLetsTheRequestThroughAsItsProject() throws Exception {
        HttpResponse<String> answer =
                edge.send(HttpRequest.newBuilder(edge.uri("/v1/posts")).header("Authorization", "bearer  " + GOOD_KEY));

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("X-Seen-Project"))
                .hasValue(CALLER.projectId().toString());
    }

    @Test
    void aMissingOrWrongKeyIs401WithAChallenge() throws Exception {
        HttpResponse<String> missing = edge.get("/v1/posts");
        HttpResponse<String> wrong = edge.send(
                HttpRequest.newBuilder(edge.uri("/v1/posts")).header("Authorization", "Bearer cf_live_wrong"));
        HttpResponse<String> basic =
                edge.send(HttpRequest.newBuilder(edge.uri("/v1/posts")).header("Authorization", "Basic " + GOOD_KEY));

        for (HttpResponse<String> answer : List.of(missing, wrong, basic)) {
            assertThat(answer.statusCode()).isEqualTo(401);
            assertThat(answer.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"content-factory\"");
            assertThat(answer.body()).contains("\"code\":\"invalid_api_key\"");
        }
    }

    @Test
    void onlyTheCalendarFeedTakesItsKeyFromTheQuery() throws Exception {
        HttpResponse<String> feed = edge.get("/v1/calendar.ics?token=" + GOOD_KEY);
        HttpResponse<String> other = edge.get("/v1/posts?token=" + GOOD_KEY);

        assertThat(feed.statusCode()).isEqualTo(200);
        assertThat(other.statusCode()).isEqualTo(401);
    }

    @Test
    void keysThatCannotBeCheckedAre503() throws Exception {
        HttpResponse<String> answer = edge.send(
                HttpRequest.newBuilder(edge.uri("/v1/posts")).header("Authorization", "Bearer " + BROKEN_STORE_KEY));

        assertThat(answer.statusCode()).isEqualTo(503);
        assertThat(answer.body()).contains("\"code\":\"auth_unavailable\"").doesNotContain("database down");
    }
}
