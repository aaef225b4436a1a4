package io.contentfactory.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.contentfactory.gateway.Tenants.Tenant;
import io.contentfactory.testkit.KafkaResource;
import io.contentfactory.testkit.PostgresResource;
import io.contentfactory.testkit.TestMedia;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Publishing through the gateway: each kind of bad request gets its own 4xx code, requests refused before any job
 * leave no row, and media refused by the preflight leave a failed job that says why.
 */
@QuarkusTest
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(ServicesBehindGateway.class)
class PublishThroughGatewayIT {

    @Test
    void badPublishRequestsGetClearCodes() {
        Tenant a = Tenants.create("read", "write");
        Tenant b = Tenants.create("read", "write");
        String accountOfA = connect(a);
        String accountOfB = connect(b);
        UUID jpeg = Tenants.mediaOf(a);
        String jpegUrl = Tenants.assetUrl(a, jpeg);
        UUID png = Tenants.mediaOf(a, "cover.png", TestMedia.png(32, 32));
        String pngUrl = Tenants.assetUrl(a, png);

        Response unknown = publish(a, body(accountOfA + "-unknown", jpeg, jpegUrl, "Hello"));
        expect(unknown, 404, "connection_not_found");
        expect(publish(a, body(accountOfB, jpeg, jpegUrl, "Hello")), 404, "connection_not_found");
        expect(
                publish(a, with(body(accountOfA, jpeg, jpegUrl, "Hello"), "format", "short")),
                400,
                "format_not_supported");
        expect(publish(a, body(accountOfA, jpeg, jpegUrl, "x".repeat(2201))), 422, "caption_too_long");
        expect(
                publish(
                        a,
                        with(
                                body(accountOfA, jpeg, jpegUrl, "Hello"),
                                "caption",
                                Map.of(
                                        "body",
                                        "Hello",
                                        "hashtags",
                                        IntStream.range(0, 31)
                                                .mapToObj(i -> "tag" + i)
                                                .toList()))),
                422,
                "too_many_hashtags");

        for (Map.Entry<String, String> refused : Map.of(
                        "media_url_foreign", "http://media.example.org/media/cover.jpg",
                        "media_url_data", "data:image/jpeg;base64,/9j/4AAQSkZJRg==",
                        "media_not_jpeg", pngUrl)
                .entrySet()) {
            Map<String, Object> request = body(accountOfA, jpeg, refused.getValue(), "Hello");
            expect(publish(a, request), 422, refused.getKey());
            List<Map<String, Object>> jobs = given().auth()
                    .oauth2(a.key())
                    .queryParam("targetId", request.get("targetId"))
                    .get("/v1/publish-jobs")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .getList("");
            assertThat(jobs)
                    .as("a job refused by the preflight is kept, failed")
                    .singleElement()
                    .satisfies(job -> {
                        assertThat(job.get("status")).isEqualTo("failed");
                        assertThat(job.get("error"))
                                .asString()
                                .contains("code=" + refused.getKey(), "stage=asset_preflight", "retryable=false");
                    });
        }

        Map<String, Object> good = body(accountOfA, jpeg, jpegUrl, "Hello");
        Response accepted = publish(a, good);
        assertThat(accepted.statusCode()).isEqualTo(202);
        assertThat(accepted.header("Location"))
                .as("the gateway's own path, not the service's address")
                .isEqualTo("/v1/publish-jobs/" + accepted.path("id"));
        assertThat((String) accepted.path("mediaUrl")).isEqualTo(jpegUrl);
        expect(publish(a, good), 409, "publish_in_progress");
        given().auth()
                .oauth2(b.key())
                .get("/v1/publish-jobs/{id}", (String) accepted.path("id"))
                .then()
                .statusCode(404);
    }

    private static String connect(Tenant tenant) {
        String account = "acct-" + UUID.randomUUID();
        given().auth()
                .oauth2(tenant.key())
                .contentType("application/json")
                .body(Map.of("platform", "instagram", "accountId", account, "accessToken", "token"))
                .post("/v1/connections")
                .then()
                .statusCode(201);
        return account;
    }

    private static Map<String, Object> body(String account, UUID media, String url, String caption) {
        return new HashMap<>(Tenants.publishBody(UUID.randomUUID(), media, account, url, caption));
    }

    private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        body.put(field, value);
        return body;
    }

    private static Response publish(Tenant tenant, Map<String, Object> body) {
        return given().auth()
                .oauth2(tenant.key())
                .contentType("application/json")
                .body(body)
                .post("/v1/publish-jobs");
    }

    private static void expect(Response response, int status, String code) {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.jsonPath().getString("code")).isEqualTo(code);
    }
}
