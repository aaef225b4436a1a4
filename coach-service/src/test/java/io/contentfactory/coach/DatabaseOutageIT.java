package io.contentfactory.coach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.contentfactory.contracts.EventCodec;
import io.contentfactory.contracts.Topics;
import io.contentfactory.contracts.events.MetricsCollected;
import io.contentfactory.testkit.KafkaResource;
import io.contentfactory.testkit.PostgresResource;
import io.contentfactory.testkit.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Weather is not poison. While the service's role may not connect (its connection slots taken: SQLSTATE 53300) and its
 * open connections are cut, as in a restart of the server (57P01), valid events wait, readiness is down, nothing goes
 * to the dead-letter topic, and once the database answers every effect is applied exactly once. A malformed event
 * still goes to the dead-letter topic.
 */
@QuarkusTest
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(PostgresResource.class)
class DatabaseOutageIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final String DLQ = Topics.deadLetter("coach-service", Topics.METRICS_COLLECTED);
    private final TopicProbe kafka = TopicProbe.onTestBroker();

    @Test
    void validEventsWaitOutAnOutageAndApplyOnceWhileAPoisonEventIsDeadLettered() throws Exception {
        UUID projectId = UUID.randomUUID();
        List<MetricsCollected> events =
                IntStream.range(0, 5).mapToObj(i -> metrics()).toList();
        try {
            sql("alter role cf_coach connection limit 0");
            sql("select pg_terminate_backend(pid) from pg_stat_activity where usename = 'cf_coach'");
            double before = outageTries();
            events.forEach(event -> send(projectId, event));
            kafka.send(Topics.METRICS_COLLECTED, UUID.randomUUID().toString(), "{\"not\": \"a cloud event\"}");

            await().atMost(TIMEOUT)
                    .until(() -> RestAssured.get("/q/health/ready").statusCode() == 503
                            && RestAssured.get("/q/health/ready").asString().contains("event consumers"));
            // Many more tries than an event's own failures get before the dead-letter topic (4 in all).
            await().atMost(TIMEOUT).until(() -> outageTries() - before >= 12);
            assertThat(kafka.all(DLQ))
                    .noneMatch(record -> events.stream()
                            .anyMatch(e -> record.value().contains(e.postId().toString())));
        } finally {
            sql("alter role cf_coach connection limit -1");
        }

        await().atMost(TIMEOUT).until(() -> events.stream().allMatch(e -> insights(e) == 1));
        kafka.awaitOne(DLQ, record -> record.value().contains("a cloud event"), TIMEOUT);
        await().atMost(TIMEOUT).until(() -> RestAssured.get("/q/health/ready").statusCode() == 200);
        assertThat(events).allSatisfy(e -> assertThat(insights(e)).isEqualTo(1));
        assertThat(kafka.all(DLQ))
                .noneMatch(record -> events.stream()
                        .anyMatch(e -> record.value().contains(e.postId().toString())));
    }

    private static double outageTries() {
        Matcher tries = Pattern.compile(
                        "factory_consumer_outage_tries_total\\{[^}]*consumer=\"coach-service\"[^}]*} ([0-9.E]+)")
                .matcher(RestAssured.get("/q/metrics").asString());
        return tries.find() ? Double.parseDouble(tries.group(1)) : 0;
    }

    private void send(UUID projectId, MetricsCollected metrics) {
        kafka.send(
                Topics.METRICS_COLLECTED,
                metrics.postId().toString(),
                EventCodec.toJson(EventCodec.envelope(
                        UUID.randomUUID(), "/content-factory/metrics-service", projectId, Instant.now(), metrics)));
    }

    private static MetricsCollected metrics() {
        return CollectedMetrics.at24h(1000, 80, 0, 0, 0);
    }

    private static long insights(MetricsCollected metrics) {
        try (Connection c = PostgresResource.database().connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select count(*) from coach.ai_coach_insights where target_id = '"
                        + metrics.targetId() + "'")) {
            rs.next();
            return rs.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sql(String statement) throws Exception {
        try (Connection c = PostgresResource.database().connect();
                Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }
}
