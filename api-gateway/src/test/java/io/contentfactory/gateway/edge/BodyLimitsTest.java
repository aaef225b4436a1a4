package io.contentfactory.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.runtime.configuration.MemorySize;
import java.math.BigInteger;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class BodyLimitsTest {

    private static EdgeHarness edge;

    @BeforeAll
    static void start() throws Exception {
        edge = new EdgeHarness(
                new RequestIdHandler(),
                new BodyLimits(new MemorySize(BigInteger.valueOf(100)), new MemorySize(BigInteger.valueOf(1000))));
    }

    @AfterAll
    static void stop() throws Exception {
        edge.close();
    }

    @Test
    void aDeclaredBodyOverTheLimitIsRefusedBeforeItIsRead() throws Exception {
        HttpResponse<String> answer = edge.send(HttpRequest.newBuilder(edge.uri("/v1/posts"))
                .POST(HttpRequest.BodyPublishers.ofString("x".repeat(101))));

        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(answer.body()).contains("\"code\":\"body_too_large\"").contains("the limit is 100");
        assertThat(answer.body())
                .contains(answer.headers().firstValue("X-Request-Id").orElseThrow());
    }

    @Test
    void aBodyAtTheLimitPassesAndAnUploadHasItsOwnLargerLimit() throws Exception {
        HttpResponse<String> atLimit = edge.send(HttpRequest.newBuilder(edge.uri("/v1/posts"))
                .POST(HttpRequest.BodyPublishers.ofString("x".repeat(100))));
        HttpResponse<String> upload = edge.send(HttpRequest.newBuilder(edge.uri("/v1/media"))
                .POST(HttpRequest.BodyPublishers.ofString("x".repeat(1000))));
        HttpResponse<String> overUpload = edge.send(HttpRequest.newBuilder(edge.uri("/v1/media"))
                .POST(HttpRequest.BodyPublishers.ofString("x".repeat(1001))));

        assertThat(atLimit.statusCode()).isEqualTo(200);
        assertThat(upload.statusCode()).isEqualTo(200);
        assertThat(overUpload.statusCode()).isEqualTo(413);
    }
}
