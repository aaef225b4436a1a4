package io.contentfactory.publisher;

import static org.hamcrest.Matchers.equalTo;

import io.contentfactory.auth.ServiceCallTokens;
import io.contentfactory.testkit.InternalTokens;
import io.contentfactory.testkit.KafkaResource;
import io.contentfactory.testkit.PostgresResource;
import io.contentfactory.testkit.SandboxResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The internal read-token route: metrics-service, proven by its pair key, reads a project's token; nobody else does. */
@QuarkusTest
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(
        value = SandboxResource.class,
        initArgs = @ResourceArg(name = "base-url-properties", value = PublishFlowIT.SANDBOX_URLS))
@QuarkusTestResource(MediaServer.class)
class ReadTokenIT {

    private static final String ROUTE = "/internal/v1/read-tokens/{project}/instagram/{account}";
    private static final InternalTokens PUBLISHER = InternalTokens.forService("publisher-service");

    @Test
    void metricsServiceReadsAProjectsTokenWithoutCaching() {
        Instant expiry = Instant.parse("2030-01-01T00:00:00Z");
        UUID projectId = PublishTests.connect("instagram", "reader-account", "the-read-token", null, expiry);

        asMetrics()
                .get(ROUTE, projectId, "reader-account")
                .then()
                .statusCode(200)
                .header("Cache-Control", "no-store")
                .body("accessToken", equalTo("the-read-token"))
                .body("expiresAt", equalTo("2030-01-01T00:00:00Z"));
    }

    @Test
    void coachServiceLearnsWhichAccountAConnectionIsAndNothingOfAnotherProjects() {
        UUID projectId = PublishTests.connect("instagram", "coached-account", "secret-token", null, null);
        String connection = onlyConnectionOf(projectId);
        RequestSpecification coach = withServiceToken("Bearer " + PUBLISHER.serviceCallFrom("coach-service"));

        coach.get("/internal/v1/connections/{project}/{connection}", projectId, connection)
                .then()
                .statusCode(200)
                .body("platform", equalTo("instagram"))
                .body("accountId", equalTo("coached-account"))
                .body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("secret-token")));
        withServiceToken("Bearer " + PUBLISHER.serviceCallFrom("coach-service"))
                .get("/internal/v1/connections/{project}/{connection}", UUID.randomUUID(), connection)
                .then()
                .statusCode(404);
    }

    @Test
    void anotherProjectsAccountOrADisabledConnectionIsNotServed() {
        UUID projectId = PublishTests.connect("instagram", "shared-name", "token-a", null, null);
        asMetrics().get(ROUTE, UUID.randomUUID(), "shared-name").then().statusCode(404);
        String id = onlyConnectionOf(projectId);
        RestAssured.given()
                .auth()
                .oauth2(PublishTests.TOKENS.valid(projectId, "read", "write"))
                .contentType("application/json")
                .body(Map.of("status", "disabled"))
                .patch("/v1/connections/{id}", id)
                .then()
                .statusCode(200);
        asMetrics()
                .get(ROUTE, projectId, "shared-name")
                .then()
                .statusCode(409)
                .body("code", equalTo("connection_disabled"));
    }

    @Test
    void aTokenThePlatformRefusedToMetricsServiceSendsTheConnectionToNeedsReauthUntilNewTokensCome() {
        UUID projectId = PublishTests.connect("instagram", "refused-reader", "stale-token", null, null);
        String id = onlyConnectionOf(projectId);

        // Without a service call token: refused, and no effect.
        RestAssured.given()
                .contentType("application/json")
                .body(Map.of("reason", "anything"))
                .post(ROUTE + "/rejection", projectId, "refused-reader")
                .then()
                .statusCode(401);
        asMetrics().get(ROUTE, projectId, "refused-reader").then().statusCode(200);
        asMetrics()
                .contentType("application/json")
                .body(Map.of("reason", "instagram error 190: Error validating access token"))
                .post(ROUTE + "/rejection", projectId, "refused-reader")
                .then()
                .statusCode(204);

        asMetrics()
                .get(ROUTE, projectId, "refused-reader")
                .then()
                .statusCode(409)
                .body("code", equalTo("connection_needs_reauth"));
        RestAssured.given()
                .auth()
                .oauth2(PublishTests.TOKENS.valid(projectId, "read"))
                .get("/v1/connections/{id}", id)
                .then()
                .statusCode(200)
                .body("status", equalTo("needs_reauth"))
                .body("lastError.code", equalTo("platform_auth_invalid"));

        RestAssured.given()
                .auth()
                .oauth2(PublishTests.TOKENS.valid(projectId, "read", "write"))
                .contentType("application/json")
                .body(Map.of("accessToken", "fresh-token"))
                .patch("/v1/connections/{id}", id)
                .then()
                .statusCode(200);
        asMetrics()
                .get(ROUTE, projectId, "refused-reader")
                .then()
                .statusCode(200)
                .body("accessToken", equalTo("fresh-token"));
    }

    @Test
    void noOtherCredentialOpensTheRoute() {
        UUID projectId = PublishTests.connect("instagram", "guarded", "secret-token", null, null);
        RestAssured.get(ROUTE, projectId, "guarded")
                .then()
                .statusCode(401)
                .body("code", equalTo("service_unauthorized"));
        // A tenant token for this very service, in either header.
        String tenant = PUBLISHER.valid(projectId, "read", "write");
        withServiceToken("Bearer " + tenant)
                .get(ROUTE, projectId, "guarded")
                .then()
                .statusCode(401);
        RestAssured.given()
                .auth()
                .oauth2(tenant)
                .get(ROUTE, projectId, "guarded")
                .then()
                .statusCode(401);
        // coach-service proves itself, but may only ask which account a connection is; a token for another callee,
        // and an expired one.
        withServiceToken("Bearer " + PUBLISHER.serviceCallFrom("coach-service"))
                .get(ROUTE, projectId, "guarded")
                .then()
                .statusCode(403)
                .body("code", equalTo("service_forbidden"));
        withServiceToken("Bearer " + PUBLISHER.serviceCallFrom("analysis-service"))
                .get(ROUTE, projectId, "guarded")
                .then()
                .statusCode(401);
        String forIngest = ServiceCallTokens.mint(
                InternalTokens.serviceCallKey("metrics-service", "ingest-service"),
                "metrics-service",
                "ingest-service",
                Instant.now());
        withServiceToken("Bearer " + forIngest)
                .get(ROUTE, projectId, "guarded")
                .then()
                .statusCode(401);
        String stale = ServiceCallTokens.mint(
                InternalTokens.serviceCallKey("metrics-service", "publisher-service"),
                "metrics-service",
                "publisher-service",
                Instant.now().minusSeconds(120));
        withServiceToken("Bearer " + stale)
                .get(ROUTE, projectId, "guarded")
                .then()
                .statusCode(401);
    }

    /** The id of the project's one connection. */
    private static String onlyConnectionOf(UUID projectId) {
        return RestAssured.given()
                .auth()
                .oauth2(PublishTests.TOKENS.valid(projectId, "read"))
                .get("/v1/connections")
                .then()
                .statusCode(200)
                .extract()
                .path("[0].id");
    }

    private static RequestSpecification asMetrics() {
        return withServiceToken("Bearer " + PUBLISHER.serviceCallFrom("metrics-service"));
    }

    private static RequestSpecification withServiceToken(String value) {
        return RestAssured.given().header(ServiceCallTokens.HEADER, value);
    }
}
