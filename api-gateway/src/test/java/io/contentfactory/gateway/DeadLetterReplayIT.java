package io.contentfactory.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.contentfactory.contracts.EventCodec;
import io.contentfactory.contracts.Topics;
import io.contentfactory.contracts.events.ProjectCreated;
import io.contentfactory.testkit.KafkaResource;
import io.contentfactory.testkit.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * A valid event that went to a dead-letter topic (during an outage before services told weather from poison, say) is
 * listed with its reason, replayed through the service's normal path, applied once, and not replayed a second time.
 */
@QuarkusTest
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(ServicesBehindGateway.class)
class DeadLetterReplayIT {

    private static final String OPERATOR = "Bearer test-operator-token";
    private static final String DLQ = Topics.deadLetter("ingest-service", Topics.PROJECT_CREATED);
    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    @Test
    void aDeadLetteredEventIsListedReplayedOnceAndAppliedOnce() throws Exception {
        UUID projectId = UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        String event = EventCodec.toJson(EventCodec.envelope(
                UUID.fromString(eventId),
                "/content-factory/api-gateway",
                projectId,
                Instant.now(),
                new ProjectCreated(projectId, "replayed-" + projectId.toString().substring(0, 8), "Replayed", "UTC")));
        deadLetter(projectId.toString(), event, "SQL error 53300: remaining connection slots are reserved");

        given().header("Authorization", OPERATOR)
                .get("/admin/dlq")
                .then()
                .statusCode(200)
                .body(
                        "find { it.service == 'ingest-service' && it.topic == 'project.created' }.pending",
                        org.hamcrest.Matchers.greaterThanOrEqualTo(1));
        List<Map<String, Object>> letters = given().header("Authorization", OPERATOR)
                .get("/admin/dlq/ingest-service/project.created")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("");
        assertThat(letters).anySatisfy(letter -> {
            assertThat(letter.get("eventId")).isEqualTo(eventId);
            assertThat(letter.get("reason")).asString().contains("53300");
            assertThat(letter.get("replayed")).isEqualTo(false);
        });

        int replayed = given().header("Authorization", OPERATOR)
                .post("/admin/dlq/ingest-service/project.created/replay")
                .then()
                .statusCode(200)
                .extract()
                .path("replayed");
        assertThat(replayed).isGreaterThanOrEqualTo(1);
        await().atMost(TIMEOUT).until(() -> folders(projectId) == 1);

        given().header("Authorization", OPERATOR)
                .post("/admin/dlq/ingest-service/project.created/replay")
                .then()
                .statusCode(200)
                .body("replayed", org.hamcrest.Matchers.equalTo(0));
        given().header("Authorization", OPERATOR)
                .get("/admin/dlq/ingest-service/project.created")
                .then()
                .statusCode(200)
                .body("find { it.eventId == '" + eventId + "' }.replayed", org.hamcrest.Matchers.equalTo(true));
        assertThat(given().get("/q/metrics").asString())
                .contains("factory_dlq_pending{service=\"ingest-service\",topic=\"project.created\"} 0.0");
        assertThat(folders(projectId)).isEqualTo(1);

        given().get("/admin/dlq").then().statusCode(401);
        given().header("Authorization", OPERATOR)
                .get("/admin/dlq/no-such-service")
                .then()
                .statusCode(404);
    }

    private static void deadLetter(String key, String value, String reason) {
        Properties properties = new Properties();
        properties.put("bootstrap.servers", KafkaResource.broker().bootstrapServers());
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer())) {
            ProducerRecord<String, String> record = new ProducerRecord<>(DLQ, key, value);
            record.headers().add("dead-letter-reason", reason.getBytes(StandardCharsets.UTF_8));
            record.headers().add("dead-letter-topic", Topics.PROJECT_CREATED.getBytes(StandardCharsets.UTF_8));
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static long folders(UUID projectId) throws Exception {
        try (Connection c = PostgresResource.database().connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "select count(*) from ingest.project_folders where project_id = '" + projectId + "'")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
