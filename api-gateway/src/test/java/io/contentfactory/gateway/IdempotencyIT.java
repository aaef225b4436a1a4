package io.contentfactory.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.contentfactory.testkit.KafkaResource;
import io.contentfactory.testkit.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
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
@QuarkusTestResource(CountingUpstream.class)
class IdempotencyIT {

    private static final String OPERATOR = "Bearer test-operator-token";
    private String key;

    @BeforeEach
    void project() {
        key = keyOfNewProject();
        CountingUpstream.EXECUTIONS.set(0);
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
        post(key, idempotencyKey, "{\"name\": \"b\"}").then().statusCode(422)
                .contentType("application/problem+json").body("code", equalTo("idempotency_key_reused"));
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
        post(keyOfNewProject(), idempotencyKey, "{}").then().statusCode(201).header("Idempotent-Replayed", (String) null);
        given().auth().oauth2(key).contentType("application/json").body("{}").post("/v1/echo").then().statusCode(201);
        given().auth().oauth2(key).contentType("application/json").body("{}").post("/v1/echo").then().statusCode(201);
        assertThat(CountingUpstream.EXECUTIONS.get()).isEqualTo(4);
    }

    @Test
    void anUnprintableKeyIsABadRequest() {
        given().auth().oauth2(key).header("Idempotency-Key", "has space").contentType("application/json").body("{}")
                .post("/v1/echo").then().statusCode(400).body("code", equalTo("invalid_idempotency_key"));
        assertThat(CountingUpstream.EXECUTIONS.get()).isZero();
    }

    private static Response post(String apiKey, String idempotencyKey, String body) {
        return given().auth().oauth2(apiKey).header("Idempotency-Key", idempotencyKey).contentType("application/json")
                .body(body).post("/v1/echo");
    }

    private static String keyOfNewProject() {
        String slug = "i-" + UUID.randomUUID().toString().substring(0, 8);
        String projectId = given().header("Authorization", OPERATOR).contentType("application/json")
                .body(Map.of("name", "Idem " + slug, "slug", slug)).post("/admin/projects").then().statusCode(201).extract().path("id");
        return given().header("Authorization", OPERATOR).contentType("application/json").body(Map.of("scopes", List.of("read", "write")))
                .post("/admin/projects/{id}/keys", projectId).then().statusCode(201).extract().path("key");
    }
}
