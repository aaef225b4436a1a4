package io.contentfactory.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.contentfactory.testkit.KafkaResource;
import io.contentfactory.testkit.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(value = CountingUpstream.class, restrictToAnnotatedClass = true)
class IdempotencyIT {

    private static final String OPERATOR = "Bearer test-operator-token";
    private String key;

    @TestHTTPResource("/v1/echo")
    URI echo;

    @BeforeEach
    void project() {
        key = keyOfNewProject();
        CountingUpstream.EXECUTIONS.set(0);
    }

    @Test
    void theDatabaseChecksTheSameStatesAsTheEnum() {
        io.contentfactory.testkit.CheckConstraints.listExactly(
                "idempotency_records_state_check", io.contentfactory.gateway.domain.IdempotencyState.class);
    }

    @Test
    void aRetryWithTheSameBodyReplaysTheFirstResponse() {
        String idempotencyKey = UUID.randomUUID().toString();
        Response first = post(key, idempotencyKey, "{\"name\": \"a\"}");
        first.then().statusCode(201).header("Idempotent-Replayed", (String) null);
        Response retry = post(key, idempotencyKey, "{\"name\": \"a\"}");
        retry.then().statusCode(201).header("Idempotent-Replayed", "true").header("Location", first.header("Location"));
        assertThat(retry.asString()).isEqualTo(first.asString());
        assertThat(CountingUpstream.EXECUTIONS.get()).isEqualTo(1);
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefused() {
        String idempotencyKey = UUID.randomUUID().toString();
        post(key, idempotencyKey, "{\"name\": \"a\"}").then().statusCode(201);
        post(key, idempotencyKey, "{\"name\": \"b\"}")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("code", equalTo("idempotency_key_reused"));
        assertThat(CountingUpstream.EXECUTIONS.get()).isEqualTo(1);
    }

    @Test
    void twoConcurrentRequestsWithOneKeyExecuteOnce() throws Exception {
        String idempotencyKey = UUID.randomUUID().toString();
        ExecutorService threads = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        Callable<Response> send = () -> {
            start.await();
            return post(key, idempotencyKey, "{\"n\": 1}");
        };
        Future<Response> one = threads.submit(send);
        Future<Response> two = threads.submit(send);
        start.countDown();
        List<Integer> statuses = List.of(one.get().statusCode(), two.get().statusCode());
        threads.shutdown();
        assertThat(statuses).containsExactlyInAnyOrder(201, 409);
        assertThat(CountingUpstream.EXECUTIONS.get()).isEqualTo(1);
    }

    @Test
    void keysBelongToOneProjectAndRequestsWithoutAKeyAlwaysExecute() {
        String idempotencyKey = UUID.randomUUID().toString();
        post(key, idempotencyKey, "{}").then().statusCode(201);
        post(keyOfNewProject(), idempotencyKey, "{}").then().statusCode(201).header("Idempotent-Replayed", (String)
                null);
        given().auth()
                .oauth2(key)
                .contentType("application/json")
                .body("{}")
                .post("/v1/echo")
                .then()
                .statusCode(201);
        given().auth()
                .oauth2(key)
                .contentType("application/json")
                .body("{}")
                .post("/v1/echo")
                .then()
                .statusCode(201);
        assertThat(CountingUpstream.EXECUTIONS.get()).isEqualTo(4);
    }

    @Test
    void anUnprintableKeyIsABadRequest() {
        given().auth()
                .oauth2(key)
                .header("Idempotency-Key", "has space")
                .contentType("application/json")
                .body("{}")
                .post("/v1/echo")
                .then()
                .statusCode(400)
                .body("code", equalTo("invalid_idempotency_key"));
        assertThat(CountingUpstream.EXECUTIONS.get()).isZero();
    }

    @Test
    void aChunkedBodyThatGrowsPastTheLimitIsCutOffAndNeverExecutes() throws Exception {
        HttpResponse<String> plain = postChunked(null);
        HttpResponse<String> keyed = postChunked("chunked-1");

        for (HttpResponse<String> response : List.of(plain, keyed)) {
            assertThat(response.statusCode()).isEqualTo(413);
            assertThat(response.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(response.body()).contains("body_too_large");
        }
        // A later request under the same key goes through, and it is the upstream's first: the cut-off ones, sent
        // before it on the same path, never reached it whole.
        post(key, "chunked-1", "{}").then().statusCode(201);
        assertThat(CountingUpstream.EXECUTIONS.get())
                .as("the upstream never received a whole body")
                .isEqualTo(1);
    }

    /** 21 MiB with no Content-Length: sent chunked, so only counting while streaming can stop it. */
    private HttpResponse<String> postChunked(String idempotencyKey) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(echo)
                .header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.InputStream() {
                    private long left = 21L * 1024 * 1024;

                    @Override
                    public int read() {
                        return left-- > 0 ? 'x' : -1;
                    }

                    @Override
                    public int read(byte[] buffer, int offset, int length) {
                        if (left <= 0) {
                            return -1;
                        }
                        int n = (int) Math.min(length, left);
                        java.util.Arrays.fill(buffer, offset, offset + n, (byte) 'x');
                        left -= n;
                        return n;
                    }
                }));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        try (HttpClient client =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    private static Response post(String apiKey, String idempotencyKey, String body) {
        return given().auth()
                .oauth2(apiKey)
                .header("Idempotency-Key", idempotencyKey)
                .contentType("application/json")
                .body(body)
                .post("/v1/echo");
    }

    private static String keyOfNewProject() {
        String slug = "i-" + UUID.randomUUID().toString().substring(0, 8);
        String projectId = given().header("Authorization", OPERATOR)
                .contentType("application/json")
                .body(Map.of("name", "Idem " + slug, "slug", slug))
                .post("/admin/projects")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        return given().header("Authorization", OPERATOR)
                .contentType("application/json")
                .body(Map.of("scopes", List.of("read", "write")))
                .post("/admin/projects/{id}/keys", projectId)
                .then()
                .statusCode(201)
                .extract()
                .path("key");
    }
}
