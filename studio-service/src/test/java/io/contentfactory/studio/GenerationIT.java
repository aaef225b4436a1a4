package io.contentfactory.studio;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.contentfactory.testkit.InternalTokens;
import io.contentfactory.testkit.KafkaResource;
import io.contentfactory.testkit.PostgresResource;
import io.contentfactory.testkit.SandboxResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Generations through the real routes and PostgreSQL: planned into shots with a model and a reason each, the cost
 * checked against the project's month and the generation's cap before anything is stored, read, listed, cancelled,
 * and never shown to another project.
 */
@QuarkusTest
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(
        value = SandboxResource.class,
        initArgs = @ResourceArg(name = "base-url-properties", value = "factory.studio.providers.fal.base-url=/fal"))
@QuarkusTestResource(IngestStandIn.class)
@QuarkusTestResource(CoachStandIn.class)
class GenerationIT {

    private final InternalTokens tokens = InternalTokens.forService("studio-service");

    @Test
    void aPromptBecomesAQueuedShotListWithAModelAndItsReasonPerShot() {
        String key = tokens.valid(UUID.randomUUID(), "read", "write");
        // The provider never starts these jobs: the generation stays with it until it is cancelled.
        GenerationWorkIT.arm("desk", "never_start", 10);
        JsonPath created = given().auth()
                .oauth2(key)
                .contentType("application/json")
                .body(Map.of(
                        "prompt",
                        "Three desk fixes that save an hour a day. Light from the side. One screen at eye height.",
                        "format",
                        "reel",
                        "platforms",
                        List.of("instagram", "tiktok"),
                        "lengthSeconds",
                        12,
                        "style",
                        "bright, handheld"))
                .post("/v1/generations")
                .then()
                .statusCode(202)
                .body("status", equalTo("queued"))
                .body("aspectRatio", equalTo("9:16"))
                .body("source.type", equalTo("prompt"))
                .extract()
                .jsonPath();
        assertThat(created.getList("shots")).hasSize(3);
        assertThat(created.getList("shots.medium")).containsOnly("video");
        assertThat(created.getList("shots.model.id", String.class)).doesNotContainNull();
        assertThat(created.getList("shots.choiceReason", String.class))
                .allSatisfy(reason -> assertThat(reason).contains("at 9:16", "chosen:"));
        assertThat(created.getString("shots[0].onScreenText")).isEqualTo("Three desk fixes that save an hour a day.");
        assertThat(created.getDouble("cost.estimatedUsd")).isPositive();
        assertThat(created.getList("platforms")).containsExactly("instagram", "tiktok");

        String id = created.getString("id");
        given().auth()
                .oauth2(key)
                .get("/v1/generations/{id}", id)
                .then()
                .statusCode(200)
                .body("shots.size()", equalTo(3))
                .body("progress.shots", equalTo(3))
                .body("progress.succeeded", equalTo(0));
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(60))
                .until(() -> given().auth()
                        .oauth2(key)
                        .queryParam("status", "generating")
                        .get("/v1/generations")
                        .jsonPath()
                        .getList("items.id")
                        .equals(List.of(id)));
        given().auth()
                .oauth2(key)
                .queryParam("status", "completed")
                .get("/v1/generations")
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(0));

        given().auth()
                .oauth2(key)
                .post("/v1/generations/{id}/cancel", id)
                .then()
                .statusCode(200)
                .body("status", equalTo("cancelled"))
                .body("shots.status", equalTo(List.of("cancelled", "cancelled", "cancelled")));
        given().auth()
                .oauth2(tokens.valid(UUID.randomUUID(), "read", "write"))
                .get("/v1/generations/{id}", id)
                .then()
                .statusCode(404)
                .body("code", equalTo("generation_not_found"));
    }

    @Test
    void theBudgetRefusesAGenerationItCannotPayBeforeAnythingIsStored() {
        String key = tokens.valid(UUID.randomUUID(), "read", "write");
        given().auth()
                .oauth2(key)
                .contentType("application/json")
                .body(Map.of("monthlyUsd", 0.5))
                .put("/v1/generation-budget")
                .then()
                .statusCode(200)
                .body("own", equalTo(true))
                .body("leftUsd", equalTo(0.5f));

        Map<String, Object> reel = Map.of(
                "prompt",
                "A slow pan over a mountain lake at dawn.",
                "format",
                "reel",
                "platforms",
                List.of("instagram"),
                "lengthSeconds",
                30);
        given().auth()
                .oauth2(key)
                .contentType("application/json")
                .body(reel)
                .post("/v1/generations")
                .then()
                .statusCode(409)
                .body("code", equalTo("budget_exceeded"));
        given().auth().oauth2(key).get("/v1/generations").then().statusCode(200).body("items.size()", equalTo(0));

        // A still fits the month; a cap below its price does not.
        Map<String, Object> image =
                Map.of("prompt", "A mountain lake at dawn.", "format", "feed_image", "platforms", List.of("instagram"));
        JsonPath still = given().auth()
                .oauth2(key)
                .contentType("application/json")
                .body(image)
                .post("/v1/generations")
                .then()
                .statusCode(202)
                .body("aspectRatio", equalTo("4:5"))
                .extract()
                .jsonPath();
        assertThat(still.getList("shots.medium")).containsExactly("image");
        given().auth()
                .oauth2(key)
                .get("/v1/generation-budget")
                .then()
                .statusCode(200)
                .body("committedUsd", equalTo(still.getFloat("cost.estimatedUsd")));
        given().auth()
                .oauth2(key)
                .contentType("application/json")
                .body(Map.of(
                        "prompt",
                        "A lake.",
                        "format",
                        "feed_image",
                        "platforms",
                        List.of("instagram"),
                        "budgetUsd",
                        0.001))
                .post("/v1/generations")
                .then()
                .statusCode(409)
                .body("code", equalTo("budget_exceeded"))
                .body("detail", org.hamcrest.Matchers.containsString("cap: $0.00"));
    }

    /**
     * A creative brief's first hook opens the reel and its outline becomes the shots; a plan gives its format, platform
     * and length, and carries out its brief's outline; a plan without a brief is made from its instructions. Briefs
     * and plans are coach-service's, read with the pair key; another project's are unknown.
     */
    @Test
    void aBriefOrAPlanOfTheCoachBecomesTheShotList() {
        String key = tokens.valid(CoachStandIn.PROJECT, "read", "write");
        GenerationWorkIT.arm("batch", "never_start", 30);
        JsonPath fromBrief = create(key, Map.of("briefId", CoachStandIn.BRIEF.toString(), "format", "reel"))
                .statusCode(202)
                .body("source.type", equalTo("brief"))
                .body("source.id", equalTo(CoachStandIn.BRIEF.toString()))
                .body("source.prompt", equalTo("Batch a week of posts in one afternoon."))
                .extract()
                .jsonPath();
        assertThat(fromBrief.getString("shots[0].onScreenText")).isEqualTo(CoachStandIn.HOOK);
        assertThat(fromBrief.getString("shots[0].visualDirection")).contains("a desk from above");
        assertThat(fromBrief.getList("platforms")).as("the brief's priority").containsExactly("instagram", "tiktok");
        assertThat(fromBrief.getDouble("lengthSeconds")).isEqualTo(15.0);

        JsonPath fromPlan = create(key, Map.of("planId", CoachStandIn.PLAN.toString()))
                .statusCode(202)
                .body("source.type", equalTo("plan"))
                .body("format", equalTo("reel"))
                .extract()
                .jsonPath();
        assertThat(fromPlan.getList("platforms")).as("the plan's platform").containsExactly("tiktok");
        assertThat(fromPlan.getDouble("lengthSeconds"))
                .as("the plan's estimate")
                .isEqualTo(20.0);
        assertThat(fromPlan.getString("shots[0].onScreenText")).isEqualTo(CoachStandIn.HOOK);
        assertThat(fromPlan.getString("source.prompt")).isEqualTo("B-roll of the desk with the steps as text");

        String carousel = create(key, Map.of("planId", CoachStandIn.PLAN_WITHOUT_BRIEF.toString()))
                .statusCode(202)
                .body("format", equalTo("carousel"))
                .body("platforms", org.hamcrest.Matchers.contains("instagram"))
                .body("shots[0].onScreenText", equalTo("Five slides."))
                .extract()
                .path("id");
        for (String id : List.of(fromBrief.getString("id"), fromPlan.getString("id"), carousel)) {
            given().auth()
                    .oauth2(key)
                    .post("/v1/generations/{id}/cancel", id)
                    .then()
                    .statusCode(200);
        }

        String other = tokens.valid(UUID.randomUUID(), "read", "write");
        create(other, Map.of("briefId", CoachStandIn.BRIEF.toString(), "format", "reel"))
                .statusCode(404)
                .body("code", equalTo("brief_not_found"));
        create(other, Map.of("planId", CoachStandIn.PLAN.toString()))
                .statusCode(404)
                .body("code", equalTo("plan_not_found"));
        create(key, Map.of("briefId", CoachStandIn.BRIEF.toString()))
                .statusCode(400)
                .body("code", equalTo("format_required"));
        create(key, Map.of("prompt", "Five slides.", "format", "carousel"))
                .statusCode(400)
                .body("code", equalTo("platforms_required"));
        create(key, Map.of("briefId", CoachStandIn.BRIEF.toString(), "prompt", "x", "format", "reel"))
                .statusCode(400)
                .body("code", equalTo("invalid_source"));
        create(key, Map.of("format", "reel", "platforms", List.of("instagram")))
                .statusCode(400)
                .body("code", equalTo("invalid_source"));
        create(key, Map.of("planId", "nope")).statusCode(400).body("code", equalTo("invalid_plan_id"));
        create(key, Map.of("briefId", "nope", "format", "reel"))
                .statusCode(400)
                .body("code", equalTo("invalid_brief_id"));
    }

    private static io.restassured.response.ValidatableResponse create(String key, Map<String, Object> body) {
        return given().auth()
                .oauth2(key)
                .contentType("application/json")
                .body(body)
                .post("/v1/generations")
                .then();
    }

    @Test
    void badRequestsAreRefusedWithACodeNamingTheField() {
        String key = tokens.valid(UUID.randomUUID(), "read", "write");
        Map<String, Map<String, Object>> cases = Map.of(
                "invalid_format",
                Map.of("prompt", "x", "format", "story", "platforms", List.of("instagram")),
                "invalid_platform",
                Map.of("prompt", "x", "format", "reel", "platforms", List.of("myspace")),
                "invalid_aspect_ratio",
                Map.of("prompt", "x", "format", "reel", "platforms", List.of("instagram"), "aspectRatio", "2:1"),
                "invalid_length",
                Map.of("prompt", "x", "format", "reel", "platforms", List.of("instagram"), "lengthSeconds", 600));
        cases.forEach((code, body) -> given().auth()
                .oauth2(key)
                .contentType("application/json")
                .body(body)
                .post("/v1/generations")
                .then()
                .statusCode(400)
                .body("code", equalTo(code)));
        given().auth()
                .oauth2(key)
                .contentType("application/json")
                .body("{\"prompt\": ")
                .post("/v1/generations")
                .then()
                .statusCode(400);
        given().auth()
                .oauth2(key)
                .queryParam("status", "done")
                .get("/v1/generations")
                .then()
                .statusCode(400)
                .body("code", equalTo("invalid_status"));
        given().auth().oauth2(key).get("/v1/generations/not-a-uuid").then().statusCode(400);
    }

    @Test
    void theCatalogListsEveryModelWithItsPriceAndTier() {
        JsonPath catalog = given().auth()
                .oauth2(tokens.valid(UUID.randomUUID(), "read"))
                .get("/v1/generation-models")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(catalog.getList("items")).hasSizeGreaterThanOrEqualTo(15);
        assertThat(catalog.getList("items.provider")).contains("gemini", "fal", "replicate");
        assertThat(catalog.getString("items.find { it.id == 'fal-ai/veo3' }.kind"))
                .isEqualTo("text-to-video");
        assertThat(catalog.getFloat("items.find { it.id == 'fal-ai/veo3' }.pricePerSecondUsd"))
                .isPositive();
        assertThat(catalog.getString("items.find { it.id == 'gemini-2.5-flash-image' }.qualityTier"))
                .isEqualTo("standard");
        given().get("/v1/generation-models").then().statusCode(401);
    }
}
