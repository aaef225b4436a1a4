package io.contentfactory.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.contentfactory.gateway.Tenants.Tenant;
import io.contentfactory.testkit.KafkaResource;
import io.contentfactory.testkit.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The calendar feed through the gateway: calendar apps fetch it with a feed key in the URL. That key reads the feed
 * and nothing else, is accepted in the URL on that route only, never reaches the service, and stops working when
 * it is rotated.
 */
@QuarkusTest
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(ServicesBehindGateway.class)
class CalendarFeedIT {

    @Test
    void aFeedKeyReadsItsProjectsFeedOnlyAndIsRotatable() {
        Tenant tenant = Tenants.create("read", "write");
        Tenant other = Tenants.create("read", "write");
        String target = Tenants.manualTargetOf(tenant);
        String targetId = target.substring(target.lastIndexOf('/') + 1);
        Map<String, Object> feedKey = given().header("Authorization", Tenants.OPERATOR)
                .contentType("application/json")
                .body(Map.of("scopes", List.of("feed"), "label", "Google Calendar"))
                .post("/admin/projects/{id}/keys", tenant.projectId())
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getMap("");
        String token = (String) feedKey.get("key");

        String feed = given().queryParam("token", token)
                .get("/v1/calendar.ics")
                .then()
                .statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("text/calendar"))
                .extract()
                .asString();
        assertThat(feed).startsWith("BEGIN:VCALENDAR\r\n").contains("UID:" + targetId + "@contentfactory");
        assertThat(given().auth()
                        .oauth2(other.key())
                        .get("/v1/calendar.ics")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString())
                .doesNotContain(targetId);

        given().auth().oauth2(token).get("/v1/posts").then().statusCode(403);
        given().auth().oauth2(token).get("/v1/calendar").then().statusCode(403);
        given().queryParam("token", tenant.key()).get("/v1/posts").then().statusCode(401);
        given().queryParam("token", token + "x").get("/v1/calendar.ics").then().statusCode(401);

        String rotated = given().header("Authorization", Tenants.OPERATOR)
                .post("/admin/keys/{id}/rotate", feedKey.get("id"))
                .then()
                .statusCode(201)
                .extract()
                .path("key");
        given().queryParam("token", rotated).get("/v1/calendar.ics").then().statusCode(200);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> given().queryParam("token", token)
                                .get("/v1/calendar.ics")
                                .statusCode()
                        == 401);
    }
}
