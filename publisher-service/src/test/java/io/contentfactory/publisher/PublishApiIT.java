package io.contentfactory.publisher;

import static io.contentfactory.publisher.PublishTests.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.contentfactory.testkit.KafkaResource;
import io.contentfactory.testkit.PostgresResource;
import io.contentfactory.testkit.SandboxResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** POST /v1/publish-jobs: a target is published once; a published target refuses another attempt without a row. */
@QuarkusTest
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(
        value = SandboxResource.class,
        initArgs = @ResourceArg(name = "base-url-properties", value = PublishFlowIT.SANDBOX_URLS))
@QuarkusTestResource(MediaServer.class)
class PublishApiIT {

    @Test
    void aTargetIsPublishedOnceAndASecondAttemptIsRefusedWithoutAJob() {
        UUID projectId = PublishTests.connect("instagram", "sandbox-ig-account", "sandbox-token", null, null);
        UUID targetId = UUID.randomUUID();
        Map<String, Object> body = body(targetId, MediaServer.url("cover.jpg#fragment"), "Published once");

        Response accepted = post(projectId, body);
        accepted.then()
                .statusCode(202)
                .body("status", equalTo("queued"))
                .body("mediaUrl", equalTo(MediaServer.url("cover.jpg")))
                .body("caption", equalTo("Published once\n\n#api"));
        String id = accepted.path("id");
        await().atMost(TIMEOUT)
                .until(() -> "published"
                        .equals(get(projectId, "/v1/publish-jobs/" + id).path("status")));
        Response published = get(projectId, "/v1/publish-jobs/" + id);
        assertThat((String) published.path("permalink")).contains("/sandbox/instagram/p/");
        assertThat(PublishTests.sandboxList("/sandbox/instagram/media"))
                .filteredOn(media -> media.get("id").equals(published.path("externalId")))
                .hasSize(1);

        post(projectId, body)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("code", equalTo("already_published"));
        assertThat(PublishTests.jobs(targetId)).hasSize(1);
    }

    @Test
    void afterAFailedJobARetryIsANewJob() {
        UUID projectId = PublishTests.connect("instagram", "sandbox-ig-account", "sandbox-token", null, null);
        UUID targetId = UUID.randomUUID();
        post(projectId, body(targetId, MediaServer.url("missing.jpg"), "First try"))
                .then()
                .statusCode(422)
                .body("code", equalTo("media_unreachable"));
        post(projectId, body(targetId, MediaServer.url("cover.jpg"), "Second try"))
                .then()
                .statusCode(202);

        await().atMost(TIMEOUT)
                .until(() ->
                        PublishTests.jobs(targetId).stream().anyMatch(job -> "published".equals(job.get("status"))));
        List<Map<String, Object>> jobs = get(projectId, "/v1/publish-jobs?targetId=" + targetId)
                .jsonPath()
                .getList("");
        assertThat(jobs).extracting(job -> job.get("status")).containsExactly("published", "failed");
    }

    private static Map<String, Object> body(UUID targetId, String url, String caption) {
        return Map.of(
                "targetId",
                targetId.toString(),
                "mediaId",
                UUID.randomUUID().toString(),
                "platform",
                "instagram",
                "accountId",
                "sandbox-ig-account",
                "format",
                "feed_image",
                "mediaUrl",
                url,
                "caption",
                Map.of("body", caption, "hashtags", List.of("api", "#API")));
    }

    private static Response post(UUID projectId, Map<String, Object> body) {
        return RestAssured.given()
                .auth()
                .oauth2(PublishTests.TOKENS.valid(projectId, "read", "write"))
                .contentType("application/json")
                .body(body)
                .post("/v1/publish-jobs");
    }

    private static Response get(UUID projectId, String path) {
        return RestAssured.given()
                .auth()
                .oauth2(PublishTests.TOKENS.valid(projectId, "read"))
                .get(path);
    }
}
