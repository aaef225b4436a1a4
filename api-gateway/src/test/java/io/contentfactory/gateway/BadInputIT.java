package io.contentfactory.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.contentfactory.testkit.KafkaResource;
import io.contentfactory.testkit.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A corpus of malformed requests: every one gets a 4xx problem+json with a code, never a 5xx. */
@QuarkusTest
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(ServicesBehindGateway.class)
class BadInputIT {

    private static final String OPERATOR = "Bearer test-operator-token";
    private static String projectId;
    private static String key;

    record Case(String name, Function<RequestSpecification, Response> call) {}

    @BeforeEach
    void tenant() {
        if (key != null) {
            return;
        }
        String slug = "bad-" + UUID.randomUUID().toString().substring(0, 8);
        projectId = given().header("Authorization", OPERATOR)
                .contentType("application/json")
                .body(Map.of("name", "Bad input " + slug, "slug", slug))
                .post("/admin/projects")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        key = given().header("Authorization", OPERATOR)
                .contentType("application/json")
                .body(Map.of("scopes", List.of("read", "write")))
                .post("/admin/projects/{id}/keys", projectId)
                .then()
                .statusCode(201)
                .extract()
                .path("key");
    }

    @Test
    void everyMalformedRequestGetsAClientErrorProblem() {
        String past = Instant.now().minusSeconds(3600).toString();
        byte[] huge = new byte[21 * 1024 * 1024];
        List<Case> corpus = List.of(
                admin(
                        "broken JSON",
                        r -> r.contentType("application/json")
                                .body("{\"name\": ")
                                .post("/admin/projects")),
                admin(
                        "a JSON array instead of an object",
                        r -> r.contentType("application/json").body("[]").post("/admin/projects")),
                admin(
                        "a JSON string instead of an object",
                        r -> r.contentType("application/json").body("\"hello\"").post("/admin/projects")),
                admin(
                        "trailing garbage",
                        r -> r.contentType("application/json")
                                .body("{\"name\": \"a\"} xyz")
                                .post("/admin/projects")),
                admin(
                        "an empty body",
                        r -> r.contentType("application/json").body("").post("/admin/projects")),
                admin(
                        "a null name",
                        r -> r.contentType("application/json")
                                .body("{\"name\": null}")
                                .post("/admin/projects")),
                admin(
                        "an overlong name",
                        r -> r.contentType("application/json")
                                .body(Map.of("name", "n".repeat(500)))
                                .post("/admin/projects")),
                admin(
                        "an unknown field",
                        r -> r.contentType("application/json")
                                .body("{\"name\": \"a\", \"owner\": \"me\"}")
                                .post("/admin/projects")),
                admin(
                        "an invalid slug",
                        r -> r.contentType("application/json")
                                .body(Map.of("name", "a", "slug", "Not A Slug!"))
                                .post("/admin/projects")),
                admin(
                        "an unknown time zone",
                        r -> r.contentType("application/json")
                                .body(Map.of("name", "a", "timeZone", "Mars/Olympus"))
                                .post("/admin/projects")),
                admin(
                        "text/plain",
                        r -> r.contentType("text/plain")
                                .body("{\"name\": \"a\"}")
                                .post("/admin/projects")),
                admin(
                        "XML",
                        r -> r.contentType("application/xml")
                                .body("<project name='a'/>")
                                .post("/admin/projects")),
                admin(
                        "a string where a list belongs",
                        r -> r.contentType("application/json")
                                .body("{\"scopes\": \"read\"}")
                                .post("/admin/projects/{id}/keys", projectId)),
                admin(
                        "a wrong method",
                        r -> r.contentType("application/json").body("{}").put("/admin/projects")),
                admin(
                        "a project id that is not a UUID",
                        r -> r.contentType("application/json")
                                .body(Map.of("scopes", List.of("read")))
                                .post("/admin/projects/not-a-uuid/keys")),
                admin(
                        "keys for an unknown project",
                        r -> r.contentType("application/json")
                                .body(Map.of("scopes", List.of("read")))
                                .post("/admin/projects/{id}/keys", UUID.randomUUID())),
                admin(
                        "an unknown scope",
                        r -> r.contentType("application/json")
                                .body(Map.of("scopes", List.of("superuser")))
                                .post("/admin/projects/{id}/keys", projectId)),
                admin(
                        "no scopes",
                        r -> r.contentType("application/json")
                                .body(Map.of("scopes", List.of()))
                                .post("/admin/projects/{id}/keys", projectId)),
                admin(
                        "an unparsable expiry",
                        r -> r.contentType("application/json")
                                .body("{\"scopes\": [\"read\"], \"expiresAt\": \"tomorrow\"}")
                                .post("/admin/projects/{id}/keys", projectId)),
                admin(
                        "an expiry in the past",
                        r -> r.contentType("application/json")
                                .body(Map.of("scopes", List.of("read"), "expiresAt", past))
                                .post("/admin/projects/{id}/keys", projectId)),
                admin("rotating an unknown key", r -> r.post("/admin/keys/{id}/rotate", UUID.randomUUID())),
                admin("revoking an unknown key", r -> r.delete("/admin/keys/{id}", UUID.randomUUID())),
                new Case(
                        "a wrong operator token",
                        r -> r.header("Authorization", "Bearer wrong").get("/admin/projects")),
                api("a media id that is not a UUID", r -> r.get("/v1/media/not-a-uuid")),
                api("a negative limit", r -> r.queryParam("limit", -1).get("/v1/media")),
                api("a zero limit", r -> r.queryParam("limit", 0).get("/v1/media")),
                api(
                        "a limit over the maximum",
                        r -> r.queryParam("limit", 100000).get("/v1/media")),
                api(
                        "a limit that is not a number",
                        r -> r.queryParam("limit", "ten").get("/v1/media")),
                api(
                        "a limit past the int range",
                        r -> r.queryParam("limit", "99999999999999999999").get("/v1/media")),
                api(
                        "an unknown status filter",
                        r -> r.queryParam("status", "deleted").get("/v1/media")),
                api(
                        "a cursor that is not one",
                        r -> r.queryParam("after", "not-a-cursor!").get("/v1/media")),
                api(
                        "an unknown platform",
                        r -> r.contentType("application/json")
                                .body("{\"platform\": \"myspace\", \"accountId\": \"a\", \"accessToken\": \"t\"}")
                                .post("/v1/connections")),
                api(
                        "a connection without a token",
                        r -> r.contentType("application/json")
                                .body("{\"platform\": \"instagram\", \"accountId\": \"a\"}")
                                .post("/v1/connections")),
                api("a connection id that is not a UUID", r -> r.get("/v1/connections/42")),
                api(
                        "an unknown decision outcome",
                        r -> r.contentType("application/json")
                                .body(Map.of("outcome", "maybe"))
                                .post("/v1/publish-jobs/{id}/decision", UUID.randomUUID())),
                api(
                        "a decision without its outcome",
                        r -> r.contentType("application/json")
                                .body("{}")
                                .post("/v1/publish-jobs/{id}/decision", UUID.randomUUID())),
                api(
                        "a decision for a job that is not a UUID",
                        r -> r.contentType("application/json")
                                .body(Map.of("outcome", "not_published"))
                                .post("/v1/publish-jobs/{id}/decision", "job-1")),
                admin("dead letters of an unknown service", r -> r.get("/admin/dlq/{service}", "no-such-service")),
                admin(
                        "a dead-letter page over the maximum",
                        r -> r.queryParam("limit", 5000)
                                .get("/admin/dlq/{service}/{topic}", "ingest-service", "project.created")),
                admin(
                        "a dead-letter page that is not a number",
                        r -> r.queryParam("limit", "all")
                                .get("/admin/dlq/{service}/{topic}", "ingest-service", "project.created")),
                api(
                        "an unknown connection status",
                        r -> r.contentType("application/json")
                                .body("{\"status\": \"deleted\"}")
                                .patch("/v1/connections/{id}", UUID.randomUUID())),
                api(
                        "a malformed post reference",
                        r -> r.contentType("application/json")
                                .body(Map.of(
                                        "mediaIds",
                                        List.of(UUID.randomUUID().toString()),
                                        "targets",
                                        List.of(Map.of(
                                                "platform", "instagram", "accountId", "a", "format", "feed_image"))))
                                .put("/v1/posts/{ref}", "bad ref!")),
                api(
                        "a post time in the past",
                        r -> r.contentType("application/json")
                                .body(Map.of(
                                        "mediaIds",
                                        List.of(UUID.randomUUID().toString()),
                                        "targets",
                                        List.of(Map.of(
                                                "platform", "instagram", "accountId", "a", "format", "feed_image")),
                                        "scheduledAt",
                                        past))
                                .put("/v1/posts/{ref}", "past-post")),
                api(
                        "a post window that ends before it starts",
                        r -> r.queryParam("from", "2026-12-02T00:00:00Z")
                                .queryParam("to", "2026-12-01T00:00:00Z")
                                .get("/v1/posts")),
                api("an encoded NUL in the id", r -> r.urlEncodingEnabled(false).get("/v1/media/%00")),
                api("a media id that is not a UUID, for its metrics", r -> r.get("/v1/media/not-a-uuid/metrics")),
                api("an unknown post's metrics", r -> r.get("/v1/posts/{ref}/metrics", "no-such-post")),
                api("an unknown post's comments", r -> r.get("/v1/posts/{ref}/comments", "no-such-post")),
                api(
                        "a connection id that is not a UUID, for its baseline",
                        r -> r.get("/v1/accounts/{id}/baseline", "not-a-uuid")),
                api("an unknown connection's baseline", r -> r.get("/v1/accounts/{id}/baseline", UUID.randomUUID())),
                api(
                        "a connection id that is not a UUID, for its model",
                        r -> r.get("/v1/accounts/{id}/model", "not-a-uuid")),
                api("an unknown connection's model", r -> r.get("/v1/accounts/{id}/model", UUID.randomUUID())),
                api(
                        "a model pin without a version",
                        r -> r.contentType("application/json")
                                .body("{}")
                                .put("/v1/accounts/{id}/model/pin", UUID.randomUUID())),
                api(
                        "a model pin that is not JSON",
                        r -> r.contentType("application/json")
                                .body("{\"version\": ")
                                .put("/v1/accounts/{id}/model/pin", UUID.randomUUID())),
                api(
                        "a model pin to version 0",
                        r -> r.contentType("application/json")
                                .body("{\"version\": 0}")
                                .put("/v1/accounts/{id}/model/pin", UUID.randomUUID())),
                api(
                        "an unpin of an unknown connection's model",
                        r -> r.delete("/v1/accounts/{id}/model/pin", UUID.randomUUID())),
                api(
                        "a reset of an unknown connection's model",
                        r -> r.post("/v1/accounts/{id}/model/reset", UUID.randomUUID())),
                api(
                        "comments with a sentiment not on the scale",
                        r -> r.queryParam("sentiment", "ecstatic").get("/v1/posts/{ref}/comments", UUID.randomUUID())),
                api(
                        "comments after a cursor that is not one",
                        r -> r.queryParam("after", "not-a-cursor!").get("/v1/posts/{ref}/comments", UUID.randomUUID())),
                api(
                        "a page of comments too large",
                        r -> r.queryParam("limit", "100000").get("/v1/posts/{ref}/comments", UUID.randomUUID())),
                api(
                        "checkpoints that are not labels",
                        r -> r.contentType("application/json")
                                .body("{\"checkpoints\": [\"soon\"]}")
                                .put("/v1/metrics/settings")),
                api(
                        "no checkpoints at all",
                        r -> r.contentType("application/json")
                                .body("{\"checkpoints\": []}")
                                .put("/v1/metrics/settings")),
                api(
                        "two checkpoints at the same time",
                        r -> r.contentType("application/json")
                                .body("{\"checkpoints\": [\"60m\", \"1h\"]}")
                                .put("/v1/metrics/settings")),
                api(
                        "an export in an unknown format",
                        r -> r.queryParam("format", "xlsx").get("/v1/metrics/export")),
                api(
                        "an export from a time that is not one",
                        r -> r.queryParam("from", "yesterday").get("/v1/metrics/export")),
                api(
                        "an export that ends before it starts",
                        r -> r.queryParam("from", "2026-12-02T00:00:00Z")
                                .queryParam("to", "2026-12-01T00:00:00Z")
                                .get("/v1/metrics/export")),
                api(
                        "metrics by hand with no metric",
                        r -> r.contentType("application/json")
                                .body("{}")
                                .post("/v1/posts/{ref}/targets/{t}/metrics", UUID.randomUUID(), UUID.randomUUID())),
                api(
                        "metrics by hand with a negative count",
                        r -> r.contentType("application/json")
                                .body("{\"views\": -3}")
                                .post("/v1/posts/{ref}/targets/{t}/metrics", UUID.randomUUID(), UUID.randomUUID())),
                api(
                        "metrics by hand as broken JSON",
                        r -> r.contentType("application/json")
                                .body("{\"views\": ")
                                .post("/v1/posts/{ref}/targets/{t}/metrics", UUID.randomUUID(), UUID.randomUUID())),
                api(
                        "metrics by hand for a target id that is not a UUID",
                        r -> r.contentType("application/json")
                                .body("{\"views\": 3}")
                                .post("/v1/posts/{ref}/targets/{t}/metrics", "p", "not-a-uuid")),
                api(
                        "a method the metrics do not have",
                        r -> r.contentType("application/json")
                                .body("{}")
                                .delete("/v1/posts/{ref}/metrics", UUID.randomUUID())),
                api(
                        "a media id that is not a UUID, for its coach summary",
                        r -> r.get("/v1/media/not-a-uuid/coach-summary")),
                api(
                        "an unknown media item's coach summary",
                        r -> r.get("/v1/media/{id}/coach-summary", UUID.randomUUID())),
                api(
                        "a coach summary asked of an unknown media item",
                        r -> r.urlEncodingEnabled(false)
                                .post("/v1/media/{id}/coach-summary:refresh", UUID.randomUUID())),
                api(
                        "a coach summary asked of a media id that is not a UUID",
                        r -> r.urlEncodingEnabled(false).post("/v1/media/{id}/coach-summary:refresh", "not-a-uuid")),
                api(
                        "insights after a cursor that is not one",
                        r -> r.queryParam("after", "%%%").get("/v1/insights")),
                api(
                        "a page of insights too large",
                        r -> r.queryParam("limit", "101").get("/v1/insights")),
                api("a page of no insights", r -> r.queryParam("limit", "0").get("/v1/insights")),
                api(
                        "a method the coach summary does not have",
                        r -> r.contentType("application/json")
                                .body("{}")
                                .delete("/v1/media/{id}/coach-summary", UUID.randomUUID())),
                api(
                        "a brief of malformed JSON",
                        r -> r.contentType("application/json")
                                .body("{\"sourceType\": ")
                                .post("/v1/creative-briefs")),
                api(
                        "a brief of an unknown source type",
                        r -> r.contentType("application/json")
                                .body("{\"sourceType\": \"radio\", \"prompt\": \"x\"}")
                                .post("/v1/creative-briefs")),
                api(
                        "a prompt brief without its prompt",
                        r -> r.contentType("application/json")
                                .body("{\"sourceType\": \"prompt_only\"}")
                                .post("/v1/creative-briefs")),
                api(
                        "a prompt brief over the prompt's length",
                        r -> r.contentType("application/json")
                                .body(Map.of("sourceType", "prompt_only", "prompt", "x".repeat(2_001)))
                                .post("/v1/creative-briefs")),
                api(
                        "a top-post brief of a media id that is not a UUID",
                        r -> r.contentType("application/json")
                                .body("{\"sourceType\": \"own_top_post\", \"mediaId\": \"nope\"}")
                                .post("/v1/creative-briefs")),
                api(
                        "a top-post brief of an unknown media item",
                        r -> r.contentType("application/json")
                                .body(Map.of(
                                        "sourceType",
                                        "own_top_post",
                                        "mediaId",
                                        UUID.randomUUID().toString()))
                                .post("/v1/creative-briefs")),
                api(
                        "briefs by a readiness that is not one",
                        r -> r.queryParam("ready", "maybe").get("/v1/creative-briefs")),
                api(
                        "briefs of an unknown source",
                        r -> r.queryParam("source", "tv").get("/v1/creative-briefs")),
                api("a brief id that is not a UUID", r -> r.get("/v1/creative-briefs/not-a-uuid")),
                api(
                        "a brief change with nothing in it",
                        r -> r.contentType("application/json")
                                .body("{}")
                                .patch("/v1/creative-briefs/{id}", UUID.randomUUID())),
                api(
                        "a brief change with too many hooks",
                        r -> r.contentType("application/json")
                                .body(Map.of("hookIdeas", java.util.Collections.nCopies(11, "hook")))
                                .patch("/v1/creative-briefs/{id}", UUID.randomUUID())),
                api(
                        "a plan of malformed JSON",
                        r -> r.contentType("application/json")
                                .body("{\"formatType\"")
                                .post("/v1/derivative-plans")),
                api(
                        "a plan of an unknown format",
                        r -> r.contentType("application/json")
                                .body(Map.of("formatType", "hologram", "instructions", "x", "targetPlatform", "tiktok"))
                                .post("/v1/derivative-plans")),
                api(
                        "a plan without instructions",
                        r -> r.contentType("application/json")
                                .body(Map.of("formatType", "carousel", "targetPlatform", "tiktok"))
                                .post("/v1/derivative-plans")),
                api(
                        "a plan for a brief of nobody's",
                        r -> r.contentType("application/json")
                                .body(Map.of(
                                        "formatType", "carousel",
                                        "instructions", "x",
                                        "targetPlatform", "tiktok",
                                        "briefId", UUID.randomUUID().toString()))
                                .post("/v1/derivative-plans")),
                api(
                        "a plan moved to an unknown status",
                        r -> r.contentType("application/json")
                                .body("{\"status\": \"shipped\"}")
                                .patch("/v1/derivative-plans/{id}", UUID.randomUUID())),
                api(
                        "a plan completed by a media id that is not a UUID",
                        r -> r.contentType("application/json")
                                .body("{\"status\": \"completed\", \"resultMediaId\": \"nope\"}")
                                .patch("/v1/derivative-plans/{id}", UUID.randomUUID())),
                api(
                        "plans in an unknown status",
                        r -> r.queryParam("status", "bogus").get("/v1/derivative-plans")),
                api(
                        "plans of a source media id that is not a UUID",
                        r -> r.queryParam("sourceMediaId", "nope").get("/v1/derivative-plans")),
                api(
                        "an import naming a derivative plan id that is not a UUID",
                        r -> r.contentType("application/json")
                                .body(Map.of(
                                        "url",
                                        ServicesBehindGateway.importSourceUrl("/bad-plan.jpg"),
                                        "derivedFromPlanId",
                                        "nope"))
                                .post("/v1/media:import")),
                api(
                        "an upload naming a derivative plan id that is not a UUID",
                        r -> r.contentType("image/jpeg")
                                .body(io.contentfactory.testkit.TestMedia.jpeg(20, 20))
                                .queryParam("derivedFromPlanId", "nope")
                                .post("/v1/media")),
                api(
                        "a pattern CSV with an unknown column",
                        r -> r.contentType("text/csv")
                                .body("hook,format\nx,face_cam\n".getBytes(StandardCharsets.UTF_8))
                                .post("/v1/patterns")),
                api(
                        "a pattern CSV with an unclosed quote",
                        r -> r.contentType("text/csv")
                                .body("hook_text,format,angle,source_reference\n\"open,face_cam,ugc,r1\n"
                                        .getBytes(StandardCharsets.UTF_8))
                                .post("/v1/patterns")),
                api(
                        "a pattern file where no row is valid",
                        r -> r.contentType("application/x-ndjson")
                                .body("{\"hookText\": \"x\"}\nnot json\n".getBytes(StandardCharsets.UTF_8))
                                .post("/v1/patterns")),
                api(
                        "an empty pattern file",
                        r -> r.contentType("text/csv").body(new byte[0]).post("/v1/patterns")),
                api(
                        "patterns sent as JSON",
                        r -> r.contentType("application/json").body("[]").post("/v1/patterns")),
                api("a pattern id that is not a UUID", r -> r.get("/v1/patterns/not-a-uuid")),
                api("deleting patterns without naming the import", r -> r.delete("/v1/patterns")),
                api(
                        "patterns of an unknown angle",
                        r -> r.queryParam("angle", "jazz").get("/v1/patterns")),
                api(
                        "a kalodata brief of an unknown pattern",
                        r -> r.contentType("application/json")
                                .body(Map.of(
                                        "sourceType",
                                        "kalodata_product",
                                        "patternId",
                                        UUID.randomUUID().toString()))
                                .post("/v1/creative-briefs")),
                api("an unknown resource", r -> r.get("/v1/unknown/{id}", UUID.randomUUID())),
                api(
                        "a method the resource does not have",
                        r -> r.contentType("application/json").body("{}").patch("/v1/media/{id}", UUID.randomUUID())),
                api(
                        "a body over the size limit",
                        r -> r.contentType("application/json").body(huge).post("/v1/connections")),
                api(
                        "a key with trailing characters",
                        r -> r.header("Authorization", "Bearer " + key + "x").get("/v1/media/{id}", UUID.randomUUID())),
                api(
                        "a request id trying to inject a header",
                        r -> r.header("X-Request-Id", "abc%0d%0aSet-Cookie:%20x=1")
                                .get("/v1/media/not-a-uuid")),
                api(
                        "an idempotency key with a space",
                        r -> r.header("Idempotency-Key", "a b")
                                .contentType("application/json")
                                .body("{}")
                                .post("/v1/media")));
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(30);

        List<String> failures = new ArrayList<>();
        for (Case c : corpus) {
            Response response = c.call().apply(given().redirects().follow(false));
            String contentType = String.valueOf(response.contentType());
            String code = contentType.startsWith("application/problem+json")
                    ? response.jsonPath().getString("code")
                    : null;
            if (response.statusCode() < 400 || response.statusCode() > 499 || code == null || code.isBlank()) {
                failures.add(c.name() + " -> " + response.statusCode() + " " + contentType + " " + response.asString());
            }
            String echoed = response.header("X-Request-Id");
            if (echoed != null && (echoed.contains("\r") || echoed.contains("\n") || echoed.contains("%0d"))) {
                failures.add(c.name() + " echoed an unsafe request id: " + echoed);
            }
        }
        assertThat(failures).isEmpty();
    }

    private static Case admin(String name, Function<RequestSpecification, Response> call) {
        return new Case(name, r -> call.apply(r.header("Authorization", OPERATOR)));
    }

    private static Case api(String name, Function<RequestSpecification, Response> call) {
        return new Case(name, r -> call.apply(r.header("Authorization", "Bearer " + key)));
    }
}
