package io.contentfactory.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RequestIdHandlerTest {

    private static EdgeHarness edge;

    @BeforeAll
    static void start() throws Exception {
        edge = new EdgeHarness(new RequestIdHandler());
    }

    @AfterAll
    static void stop() throws Exception {
        edge.close();
    }

    @Test
    void aSafeRequestIdIsKeptAndAnsweredBack() throws Exception {
        HttpResponse<String> answer =
                edge.send(HttpRequest.newBuilder(edge.uri("/v1/posts")).header("X-Request-Id", "caller-req.0042_a"));

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("X-Request-Id")).hasValue("caller-req.0042_a");
    }

    @Test
    void aMissingOrUnsafeRequestIdIsReplacedByANewOne() throws Exception {
        HttpResponse<String> none = edge.get("/v1/posts");
        HttpResponse<String> unsafe =
                edge.send(HttpRequest.newBuilder(edge.uri("/v1/posts")).header("X-Request-Id", "a b\"<script>"));
        HttpResponse<String> tooShort =
                edge.send(HttpRequest.newBuilder(edge.uri("/v1/posts")).header("X-Request-Id", "abc"));

        for (HttpResponse<String> answer : java.util.List.of(none, unsafe, tooShort)) {
            String id = answer.headers().firstValue("X-Request-Id").orElseThrow();
            assertThat(UUID.fromString(id)).isNotNull();
        }
        assertThat(none.headers().firstValue("X-Request-Id"))
                .isNotEqualTo(unsafe.headers().firstValue("X-Request-Id"));
    }
}
