package io.contentfactory.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class PublicApiEdgeTest {

    @Test
    void aHandlerThatThrowsIsAnswered500WithTheRequestIdAndNoDetailOfTheFailure() throws Exception {
        try (EdgeHarness edge = new EdgeHarness(new RequestIdHandler(), ctx -> {
            throw new IllegalStateException("secret internals");
        })) {
            HttpResponse<String> answer = edge.get("/v1/posts");

            assertThat(answer.statusCode()).isEqualTo(500);
            assertThat(answer.body())
                    .contains("\"code\":\"internal_error\"")
                    .contains(answer.headers().firstValue("X-Request-Id").orElseThrow())
                    .doesNotContain("secret internals");
        }
    }
}
