package io.contentfactory.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.contentfactory.gateway.Tenants.Tenant;
import io.contentfactory.testkit.KafkaResource;
import io.contentfactory.testkit.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The public API as its OpenAPI document describes it, and the isolation matrix over every route in that document:
 * a route added to a service shows up here, and this test fails until the matrix knows how to find one of its ids.
 */
@QuarkusTest
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(ServicesBehindGateway.class)
class PublicApiContractIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch");

    /** For each templated route: the concrete path of a resource that the given tenant owns. */
    private static final Map<String, Function<Tenant, String>> OWNED_RESOURCE = Map.ofEntries(
            Map.entry("/v1/media/{id}", tenant -> "/v1/media/" + Tenants.mediaOf(tenant)),
            Map.entry(
                    "/v1/media/{id}/analysis", tenant -> "/v1/media/" + Tenants.analysedMediaOf(tenant) + "/analysis"),
            Map.entry("/v1/connections/{id}", tenant -> "/v1/connections/" + Tenants.connectionOf(tenant)),
            Map.entry("/v1/publish-jobs/{id}", tenant -> "/v1/publish-jobs/" + Tenants.publishJobOf(tenant)),
            Map.entry("/v1/posts/{ref}", tenant -> "/v1/posts/" + Tenants.postOf(tenant)),
            Map.entry("/v1/posts/{ref}/cancel", tenant -> "/v1/posts/" + Tenants.postOf(tenant) + "/cancel"),
            Map.entry(
                    "/v1/posts/{ref}/metrics",
                    tenant -> "/v1/posts/" + Tenants.publishedPostOf(tenant).postId() + "/metrics"),
            Map.entry(
                    "/v1/accounts/{connectionId}/baseline",
                    tenant -> "/v1/accounts/" + Tenants.connectionOf(tenant) + "/baseline"),
            Map.entry(
                    "/v1/accounts/{connectionId}/model",
                    tenant -> "/v1/accounts/" + Tenants.connectionOf(tenant) + "/model"),
            Map.entry(
                    "/v1/accounts/{connectionId}/model/pin",
                    tenant -> "/v1/accounts/" + Tenants.connectionOf(tenant) + "/model/pin"),
            Map.entry(
                    "/v1/accounts/{connectionId}/model/reset",
                    tenant -> "/v1/accounts/" + Tenants.connectionOf(tenant) + "/model/reset"),
            Map.entry(
                    "/v1/posts/{ref}/comments",
                    tenant -> "/v1/posts/" + Tenants.publishedPostOf(tenant).postId() + "/comments"),
            Map.entry(
                    "/v1/media/{id}/metrics",
                    tenant -> "/v1/media/" + Tenants.publishedPostOf(tenant).mediaId() + "/metrics"),
            Map.entry(
                    "/v1/posts/{ref}/targets/{targetId}/metrics",
                    tenant -> "/v1/posts/" + Tenants.publishedPostOf(tenant).postId() + "/targets/"
                            + Tenants.publishedPostOf(tenant).targetId() + "/metrics"),
            Map.entry(
                    "/v1/posts/{ref}/targets/{targetId}/mark-posted",
                    tenant -> Tenants.manualTargetOf(tenant) + "/mark-posted"),
            Map.entry(
                    "/v1/publish-jobs/{id}/decision",
                    tenant -> "/v1/publish-jobs/" + Tenants.publishJobOf(tenant) + "/decision"),
            Map.entry(
                    "/v1/media/{id}/coach-summary",
                    tenant -> "/v1/media/" + Tenants.coachedMediaOf(tenant) + "/coach-summary"),
            Map.entry(
                    "/v1/media/{id}/coach-summary:refresh",
                    tenant -> "/v1/media/" + Tenants.coachedMediaOf(tenant) + "/coach-summary:refresh"),
            Map.entry("/v1/creative-briefs/{id}", tenant -> "/v1/creative-briefs/" + Tenants.briefOf(tenant)),
            Map.entry("/v1/derivative-plans/{id}", tenant -> "/v1/derivative-plans/" + Tenants.planOf(tenant)),
            Map.entry("/v1/patterns/{id}", tenant -> "/v1/patterns/" + Tenants.newPatternOf(tenant)));

    /** What the owner is refused with instead of a success, and why. */
    private record OwnerRefusal(int status, String code) {}

    /**
     * Routes whose success needs a state the matrix cannot set up (a job whose outcome stayed unknown, a learned model
     * version to pin): their owner gets this refusal instead, while another project still gets the same 404 as an
     * unknown id.
     */
    private static final Map<String, OwnerRefusal> OWNER_REFUSAL = Map.of(
            "/v1/publish-jobs/{id}/decision", new OwnerRefusal(409, "no_decision_needed"),
            "PUT /v1/accounts/{connectionId}/model/pin", new OwnerRefusal(404, "version_not_found"));

    /** Bodies for routes that need one to succeed for their owner; others get an empty object. */
    private static final Map<String, String> BODY = Map.of(
            "/v1/posts/{ref}/targets/{targetId}/mark-posted", "{\"url\": \"https://www.instagram.com/p/matrix/\"}",
            "/v1/publish-jobs/{id}/decision", "{\"outcome\": \"not_published\"}",
            "/v1/posts/{ref}/targets/{targetId}/metrics", "{\"checkpoint\": \"15m\", \"views\": 120, \"likes\": 9}",
            "/v1/creative-briefs/{id}", "{\"readyForUse\": true}",
            "/v1/derivative-plans/{id}", "{\"status\": \"in_production\"}",
            "/v1/accounts/{connectionId}/model/pin", "{\"version\": 1}");

    /** Upserts addressed by the caller's own reference: the same reference in another project is another resource. */
    private static final Set<String> UPSERTS = Set.of("PUT /v1/posts/{ref}");

    /** For each list route: an id of the given tenant that the list shows its owner and nobody else. */
    private static final Map<String, Function<Tenant, String>> LISTED_ID = Map.ofEntries(
            Map.entry("/v1/media", tenant -> Tenants.mediaOf(tenant).toString()),
            Map.entry("/v1/connections", Tenants::connectionOf),
            Map.entry("/v1/publish-jobs", Tenants::publishJobOf),
            Map.entry("/v1/posts", Tenants::postOf),
            Map.entry("/v1/calendar", Tenants::postOf),
            Map.entry(
                    "/v1/calendar.ics",
                    tenant -> java.net
                            .URI
                            .create(Tenants.manualTargetOf(tenant))
                            .getPath()
                            .split("/")[5]),
            Map.entry("/v1/calendar/settings", Tenants::settingsOf),
            Map.entry("/v1/analysis-settings", Tenants::analysisSettingsOf),
            Map.entry("/v1/metrics/settings", Tenants::metricsSettingsOf),
            Map.entry(
                    "/v1/metrics/export",
                    tenant -> Tenants.publishedPostOf(tenant).postId()),
            Map.entry("/v1/insights", Tenants::insightOf),
            Map.entry("/v1/creative-briefs", Tenants::briefOf),
            Map.entry("/v1/derivative-plans", Tenants::planOf),
            Map.entry("/v1/patterns", Tenants::newPatternOf));

    /** Per-project singletons written with PUT: one project's write never shows in another's read. */
    private static final Map<String, Function<Tenant, String>> SINGLETONS = Map.of(
            "PUT /v1/calendar/settings",
            Tenants::settingsOf,
            "PUT /v1/analysis-settings",
            Tenants::analysisSettingsOf,
            "PUT /v1/metrics/settings",
            Tenants::metricsSettingsOf);

    /** For each create route: a valid body (set up for the tenant); what one project creates must be invisible to another. */
    private static final Map<String, Function<Tenant, Object>> CREATE_BODY = Map.of(
            "/v1/patterns", tenant -> Tenants.patternCsv(),
            "/v1/connections",
                    tenant -> "{\"platform\": \"tiktok\", \"accountId\": \"matrix-account\", \"accessToken\": \"t\"}",
            "/v1/publish-jobs", PublicApiContractIT::publishBodyFor,
            "/v1/media", tenant -> io.contentfactory.testkit.TestMedia.jpeg(33, 44),
            "/v1/media:import", tenant -> Map.of("url", ServicesBehindGateway.importSourceUrl("/matrix.jpg")),
            "/v1/creative-briefs", tenant -> Map.of("sourceType", "prompt_only", "prompt", "Matrix brief"),
            "/v1/derivative-plans",
                    tenant -> Map.of(
                            "sourceMediaId", Tenants.mediaOf(tenant).toString(),
                            "formatType", "face_cam",
                            "instructions", "Matrix plan",
                            "targetPlatform", "tiktok"));

    /** Deletions of part of a collection, by a filter: another project naming B's part deletes nothing of B's. */
    private static final Map<String, java.util.function.BiConsumer<Tenant, Tenant>> COLLECTION_DELETES =
            Map.of("/v1/patterns", PublicApiContractIT::assertImportDeletedOnlyByItsProject);

    /** Create routes whose body is not JSON. */
    private static final Map<String, String> CREATE_CONTENT_TYPE =
            Map.of("/v1/media", "image/jpeg", "/v1/patterns", "text/csv");

    private static Object publishBodyFor(Tenant tenant) {
        String account = "matrix-" + UUID.randomUUID();
        given().auth()
                .oauth2(tenant.key())
                .contentType("application/json")
                .body(Map.of("platform", "instagram", "accountId", account, "accessToken", "t"))
                .post("/v1/connections")
                .then()
                .statusCode(201);
        UUID media = Tenants.mediaOf(tenant);
        return Tenants.publishBody(UUID.randomUUID(), media, account, Tenants.assetUrl(tenant, media), "Matrix post");
    }

    @Test
    void theDocumentIsOpenApi31AndDescribesTheEdgeOnEveryRoute() throws Exception {
        JsonNode document = document();

        assertThat(document.path("openapi").asText()).isEqualTo("3.1.0");
        assertThat(document.path("x-unavailable-services").toString())
                .doesNotContain("media")
                .doesNotContain("connections")
                .doesNotContain("publish-jobs")
                .doesNotContain("posts");
        assertThat(names(document.path("paths")))
                .contains("/v1/publish-jobs", "/v1/publish-jobs/{id}")
                .noneMatch(path -> path.startsWith("/internal"));
        assertThat(document.path("components")
                        .path("securitySchemes")
                        .path("apiKey")
                        .path("scheme")
                        .asText())
                .isEqualTo("bearer");
        assertThat(document.path("components").path("schemas").has("Problem")).isTrue();
        assertThat(document.path("components").path("schemas").has("MediaView")).isTrue();
        assertThat(names(document.path("paths")))
                .contains("/v1/media", "/v1/media/{id}", "/v1/connections", "/v1/connections/{id}")
                .allMatch(path -> path.startsWith("/v1/"));
        assertThat(document.path("paths")
                        .path("/v1/connections")
                        .path("post")
                        .path("parameters")
                        .toString())
                .as("write routes document the Idempotency-Key header")
                .contains("#/components/parameters/IdempotencyKey");

        JsonNode getMedia = document.path("paths").path("/v1/media/{id}").path("get");
        assertThat(getMedia.path("operationId").asText()).isEqualTo("getMedia");
        assertThat(getMedia.has("security"))
                .as("the service's internal-token scheme is not the public one")
                .isFalse();
        assertThat(names(getMedia.path("responses"))).contains("200", "400", "401", "403", "404", "429", "502");
        assertThat(getMedia.path("parameters").toString()).contains("#/components/parameters/RequestId");
    }

    /**
     * What Redocly's and Spectral's recommended rules ask of the document: every operation has a documented 2xx
     * with a typed body (or none, for 204), every component is used, no schema is described two ways, no route lacks
     * its service's description.
     */
    @Test
    void everyOperationHasATypedSuccessAndEveryComponentIsUsedAndDescribedOnce() throws Exception {
        JsonNode document = document();
        List<String> untyped = new ArrayList<>();
        JsonNode paths = document.path("paths");
        for (String path : names(paths)) {
            for (String method : names(paths.path(path))) {
                JsonNode responses = paths.path(path).path(method).path("responses");
                boolean typed = names(responses).stream()
                        .filter(status -> status.startsWith("2"))
                        .anyMatch(status -> status.equals("204")
                                || hasSchema(responses.path(status).path("content")));
                if (!typed) {
                    untyped.add(method.toUpperCase() + " " + path);
                }
            }
        }
        assertThat(untyped).as("operations without a typed success response").isEmpty();

        String text = document.toString();
        List<String> unused = new ArrayList<>();
        JsonNode components = document.path("components");
        for (String part : List.of("schemas", "parameters", "responses")) {
            for (String name : names(components.path(part))) {
                if (!text.contains("\"#/components/" + part + "/" + name + "\"")) {
                    unused.add(part + "/" + name);
                }
            }
        }
        assertThat(unused).as("components no route uses").isEmpty();
        assertThat(document.has("x-conflicting-schemas"))
                .as("schemas two services describe differently: %s", document.path("x-conflicting-schemas"))
                .isFalse();
        assertThat(document.has("x-unavailable-services"))
                .as("routes whose service gave no description: %s", document.path("x-unavailable-services"))
                .isFalse();
    }

    private static boolean hasSchema(JsonNode content) {
        for (String mediaType : names(content)) {
            JsonNode schema = content.path(mediaType).path("schema");
            if (schema.has("$ref") || schema.has("type") || schema.has("oneOf") || schema.has("allOf")) {
                return true;
            }
        }
        return false;
    }

    @Test
    void swaggerUiOffersThePublicDocument() {
        String page =
                given().get("/q/swagger-ui/").then().statusCode(200).extract().asString();
        String config = page.contains("/openapi.json")
                ? page
                : given().get("/q/swagger-ui/swagger-initializer.js")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString();
        assertThat(config).contains("/openapi.json");
    }

    @Test
    void everyRouteAnswersAnotherProjectsIdsWithNotFoundThatRevealsNothing() throws Exception {
        Tenant a = Tenants.create("read", "write", "admin");
        Tenant b = Tenants.create("read", "write");
        JsonNode paths = document().path("paths");
        List<String> checked = new ArrayList<>();

        for (String template : names(paths)) {
            for (String method : METHODS) {
                if (!paths.path(template).has(method)) {
                    continue;
                }
                if (SINGLETONS.containsKey(method.toUpperCase() + " " + template)) {
                    String written = SINGLETONS
                            .get(method.toUpperCase() + " " + template)
                            .apply(b);
                    assertThat(call(b, "get", template).asString()).contains(written);
                    assertThat(call(a, "get", template).asString()).doesNotContain(written);
                    checked.add(method.toUpperCase() + " " + template);
                    continue;
                }
                if (!template.contains("{")) {
                    assertListShowsOnlyItsOwnProject(a, b, method, template);
                    checked.add(method.toUpperCase() + " " + template);
                    continue;
                }
                if (UPSERTS.contains(method.toUpperCase() + " " + template)) {
                    assertUpsertIsPerProject(a, b, template);
                    checked.add(method.toUpperCase() + " " + template);
                    continue;
                }
                assertThat(OWNED_RESOURCE)
                        .as("the isolation matrix must cover %s %s", method.toUpperCase(), template)
                        .containsKey(template);
                String ownedByB = OWNED_RESOURCE.get(template).apply(b);
                String unknown =
                        template.replaceAll("\\{[^}]+}", UUID.randomUUID().toString());

                String body = BODY.getOrDefault(template, "{}");
                // Another project tries first, so the owner's success also shows the attempt changed nothing.
                Response crossTenant = call(a, method, ownedByB, body);
                Response missing = call(a, method, unknown, body);
                Response asOwner = call(b, method, ownedByB, body);
                OwnerRefusal refusal = OWNER_REFUSAL.getOrDefault(
                        template, OWNER_REFUSAL.get(method.toUpperCase(java.util.Locale.ROOT) + " " + template));
                if (refusal != null) {
                    assertThat(asOwner.statusCode())
                            .as("%s %s for its owner: %s", method, ownedByB, asOwner.asString())
                            .isEqualTo(refusal.status());
                    assertThat(asOwner.jsonPath().getString("code")).isEqualTo(refusal.code());
                } else {
                    assertThat(asOwner.statusCode())
                            .as("%s %s for its owner: %s", method, ownedByB, asOwner.asString())
                            .isBetween(200, 299);
                }
                assertThat(crossTenant.statusCode())
                        .as("%s %s with another project's key", method, ownedByB)
                        .isEqualTo(404);
                assertThat(crossTenant.contentType()).startsWith("application/problem+json");
                assertThat(withoutIds(crossTenant.asString()))
                        .as("indistinguishable from an id that does not exist")
                        .isEqualTo(withoutIds(missing.asString()));
                checked.add(method.toUpperCase() + " " + template);
            }
        }
        assertThat(checked)
                .contains(
                        "GET /v1/media/{id}",
                        "POST /v1/connections",
                        "POST /v1/publish-jobs",
                        "GET /v1/publish-jobs/{id}",
                        "PUT /v1/posts/{ref}",
                        "GET /v1/posts/{ref}",
                        "POST /v1/posts/{ref}/cancel",
                        "GET /v1/posts",
                        "POST /v1/posts/{ref}/targets/{targetId}/mark-posted",
                        "GET /v1/calendar",
                        "GET /v1/calendar.ics",
                        "GET /v1/calendar/settings",
                        "PUT /v1/calendar/settings",
                        "POST /v1/media",
                        "POST /v1/media:import",
                        "GET /v1/media/{id}/analysis",
                        "POST /v1/media/{id}/analysis",
                        "GET /v1/posts/{ref}/metrics",
                        "GET /v1/media/{id}/metrics",
                        "GET /v1/posts/{ref}/comments",
                        "GET /v1/accounts/{connectionId}/baseline",
                        "GET /v1/accounts/{connectionId}/model",
                        "PUT /v1/accounts/{connectionId}/model/pin",
                        "DELETE /v1/accounts/{connectionId}/model/pin",
                        "POST /v1/accounts/{connectionId}/model/reset",
                        "POST /v1/posts/{ref}/targets/{targetId}/metrics",
                        "GET /v1/metrics/settings",
                        "PUT /v1/metrics/settings",
                        "GET /v1/metrics/export",
                        "GET /v1/analysis-settings",
                        "PUT /v1/analysis-settings",
                        "POST /v1/publish-jobs/{id}/decision",
                        "GET /v1/media/{id}/coach-summary",
                        "POST /v1/media/{id}/coach-summary:refresh",
                        "GET /v1/insights",
                        "GET /v1/creative-briefs",
                        "POST /v1/creative-briefs",
                        "GET /v1/creative-briefs/{id}",
                        "PATCH /v1/creative-briefs/{id}",
                        "GET /v1/derivative-plans",
                        "POST /v1/derivative-plans",
                        "GET /v1/derivative-plans/{id}",
                        "PATCH /v1/derivative-plans/{id}",
                        "POST /v1/patterns",
                        "GET /v1/patterns",
                        "DELETE /v1/patterns",
                        "GET /v1/patterns/{id}",
                        "DELETE /v1/patterns/{id}");
    }

    /**
     * B's reference used by A creates A's own post; B's post stays B's, and its id stays invisible to A.
     */
    private static void assertUpsertIsPerProject(Tenant a, Tenant b, String template) {
        String ref = "shared-" + UUID.randomUUID();
        String path = template.replace("{ref}", ref);
        String ofB = Tenants.upsertPost(b, ref, Tenants.mediaOf(b));
        String ofA = Tenants.upsertPost(a, ref, Tenants.mediaOf(a));
        assertThat(ofA)
                .as("the same reference in another project is another post")
                .isNotEqualTo(ofB);
        given().auth().oauth2(b.key()).get(path).then().statusCode(200).body("id", org.hamcrest.Matchers.equalTo(ofB));
        given().auth().oauth2(a.key()).get(path).then().statusCode(200).body("id", org.hamcrest.Matchers.equalTo(ofA));
        given().auth().oauth2(a.key()).get("/v1/posts/{id}", ofB).then().statusCode(404);
    }

    private static void assertListShowsOnlyItsOwnProject(Tenant a, Tenant b, String method, String route) {
        if (method.equals("post")) {
            assertCreatedOnlyForItsProject(a, b, route);
            return;
        }
        if (method.equals("delete")) {
            assertThat(COLLECTION_DELETES)
                    .as("the isolation matrix must cover DELETE %s", route)
                    .containsKey(route);
            COLLECTION_DELETES.get(route).accept(a, b);
            return;
        }
        assertThat(method)
                .as("collection routes are GET (list), POST (create) or DELETE; add %s %s to the matrix", method, route)
                .isEqualTo("get");
        assertThat(LISTED_ID)
                .as("the isolation matrix must cover GET %s", route)
                .containsKey(route);
        String idOfB = LISTED_ID.get(route).apply(b);
        assertThat(call(b, method, route).then().statusCode(200).extract().asString())
                .contains(idOfB);
        assertThat(call(a, method, route).then().statusCode(200).extract().asString())
                .doesNotContain(idOfB);
    }

    private static void assertCreatedOnlyForItsProject(Tenant a, Tenant b, String route) {
        assertThat(CREATE_BODY)
                .as("the isolation matrix must cover POST %s", route)
                .containsKey(route);
        Object body = CREATE_BODY.get(route).apply(b);
        RequestSpecification request = given().urlEncodingEnabled(false)
                .auth()
                .oauth2(b.key())
                .contentType(CREATE_CONTENT_TYPE.getOrDefault(route, "application/json"));
        request = body instanceof byte[] bytes ? request.body(bytes) : request.body(body);
        String location = request.post(route)
                .then()
                .statusCode(org.hamcrest.Matchers.anyOf(org.hamcrest.Matchers.is(201), org.hamcrest.Matchers.is(202)))
                .extract()
                .header("Location");
        java.net.URI created = java.net.URI.create(location);
        if (created.getQuery() != null) {
            // A Location naming a filtered page (an import's patterns): the owner's page shows what was made.
            String made = created.getQuery().replaceAll(".*=", "");
            String page = created.getPath() + "?" + created.getQuery();
            assertThat(given().auth()
                            .oauth2(b.key())
                            .get(page)
                            .then()
                            .statusCode(200)
                            .extract()
                            .asString())
                    .contains(made)
                    .contains("\"items\":[{");
            assertThat(given().auth()
                            .oauth2(a.key())
                            .get(page)
                            .then()
                            .statusCode(200)
                            .extract()
                            .asString())
                    .contains("\"items\":[]");
            return;
        }
        String path = created.getPath();
        given().auth().oauth2(b.key()).get(path).then().statusCode(200);
        given().auth().oauth2(a.key()).get(path).then().statusCode(404).contentType("application/problem+json");
    }

    /** Another project naming B's import deletes nothing of B's. */
    private static void assertImportDeletedOnlyByItsProject(Tenant a, Tenant b) {
        String pattern = Tenants.newPatternOf(b);
        String importId = given().auth()
                .oauth2(b.key())
                .get("/v1/patterns/{id}", pattern)
                .then()
                .statusCode(200)
                .extract()
                .path("importId");
        given().auth()
                .oauth2(a.key())
                .queryParam("importId", importId)
                .delete("/v1/patterns")
                .then()
                .statusCode(200)
                .body("deleted", org.hamcrest.Matchers.equalTo(0));
        given().auth().oauth2(b.key()).get("/v1/patterns/{id}", pattern).then().statusCode(200);
        given().auth()
                .oauth2(b.key())
                .queryParam("importId", importId)
                .delete("/v1/patterns")
                .then()
                .statusCode(200)
                .body("deleted", org.hamcrest.Matchers.equalTo(1));
    }

    private static Response call(Tenant tenant, String method, String path) {
        return call(tenant, method, path, "{}");
    }

    private static Response call(Tenant tenant, String method, String path, String body) {
        RequestSpecification request = given().urlEncodingEnabled(false)
                .auth()
                .oauth2(tenant.key())
                .header("X-Request-Id", "matrix-request-1");
        if (!method.equals("get") && !method.equals("delete")) {
            request = request.contentType("application/json").body(body);
        }
        return request.request(method.toUpperCase(), path);
    }

    private static String withoutIds(String body) {
        return body.replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "ID");
    }

    private static JsonNode document() throws Exception {
        return JSON.readTree(
                given().get("/openapi.json").then().statusCode(200).extract().asString());
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
