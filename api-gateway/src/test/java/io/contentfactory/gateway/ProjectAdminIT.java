package io.contentfactory.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.contentfactory.contracts.EventCodec;
import io.contentfactory.contracts.Topics;
import io.contentfactory.contracts.events.ProjectCreated;
import io.contentfactory.testkit.KafkaResource;
import io.contentfactory.testkit.PostgresResource;
import io.contentfactory.testkit.RowLevelSecurityAudit;
import io.contentfactory.testkit.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(PostgresResource.class)
class ProjectAdminIT {

    private static final String OPERATOR = "Bearer test-operator-token";
    private final TopicProbe kafka = TopicProbe.onTestBroker();

    @Test
    void anOperatorCreatesAProjectAndItIsAnnounced() {
        String slug = "bowl-" + UUID.randomUUID().toString().substring(0, 6);
        String id = given().header("Authorization", OPERATOR)
                .contentType("application/json")
                .body("{\"name\": \"Not a slop bowl\", \"slug\": \"" + slug + "\", \"timeZone\": \"Europe/Berlin\"}")
                .post("/admin/projects")
                .then()
                .statusCode(201)
                .body("slug", equalTo(slug))
                .extract()
                .path("id");

        ProjectCreated created = EventCodec.data(
                EventCodec.parse(
                        kafka.awaitOne(Topics.PROJECT_CREATED, r -> r.key().equals(id), Duration.ofSeconds(60))
                                .value()),
                ProjectCreated.class);
        assertThat(created.slug()).isEqualTo(slug);
        assertThat(created.timeZone()).isEqualTo("Europe/Berlin");

        given().header("Authorization", OPERATOR)
                .contentType("application/json")
                .body("{\"name\": \"Again\", \"slug\": \"" + slug + "\"}")
                .post("/admin/projects")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("code", equalTo("slug_taken"));
    }

    @Test
    void withoutTheOperatorTokenNothingIsCreated() {
        given().header("Authorization", "Bearer guess")
                .contentType("application/json")
                .body("{\"name\": \"x y\"}")
                .post("/admin/projects")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("code", equalTo("operator_token_required"));
    }

    @Test
    void badInputGetsAProblemWithAStableCode() {
        given().header("Authorization", OPERATOR)
                .contentType("application/json")
                .body("{\"name\": ")
                .post("/admin/projects")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("malformed_json"));
        given().header("Authorization", OPERATOR)
                .contentType("application/json")
                .body("{\"name\": \"Zoned\", \"timeZone\": \"Mars/Olympus\"}")
                .post("/admin/projects")
                .then()
                .statusCode(400)
                .body("code", equalTo("invalid_time_zone"));
        given().header("Authorization", OPERATOR)
                .contentType("application/json")
                .body("{\"name\": \"\"}")
                .post("/admin/projects")
                .then()
                .statusCode(400)
                .body("code", equalTo("validation_failed"));
    }

    @Test
    void rowLevelSecurityGuardsEveryTable() throws Exception {
        RowLevelSecurityAudit.assertIsolated(
                "gateway",
                "cf_gateway",
                Map.of("projects", "id"),
                Map.of(
                        "projects_slug_key", "slugs are unique across projects",
                        "api_keys_lookup_id_key", "a key is looked up before its project is known",
                        "api_keys_id_idx", "the operator API addresses keys by id",
                        "idempotency_records_created_idx", "the retention purge spans projects"));
    }
}
