package io.contentfactory.coach;

import static org.assertj.core.api.Assertions.assertThat;

import io.contentfactory.contracts.EventCodec;
import io.contentfactory.contracts.Topics;
import io.contentfactory.contracts.events.CoachInsightCreated;
import io.contentfactory.contracts.events.MetricsCollected;
import io.contentfactory.testkit.KafkaResource;
import io.contentfactory.testkit.PostgresResource;
import io.contentfactory.testkit.RowLevelSecurityAudit;
import io.contentfactory.testkit.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(PostgresResource.class)
class InsightIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private final TopicProbe kafka = TopicProbe.onTestBroker();

    @Test
    void aSecondPostIsJudgedAgainstTheFirst() throws Exception {
        UUID projectId = UUID.randomUUID();
        MetricsCollected first = metrics(1000, 100);
        MetricsCollected second = metrics(1000, 50);
        send(projectId, first);
        kafka.awaitOne(
                Topics.COACH_INSIGHT_CREATED,
                r -> r.value().contains(first.mediaId().toString()),
                TIMEOUT);
        send(projectId, second);

        CoachInsightCreated insight = EventCodec.data(
                EventCodec.parse(kafka.awaitOne(
                                Topics.COACH_INSIGHT_CREATED,
                                r -> r.value().contains(second.mediaId().toString()),
                                TIMEOUT)
                        .value()),
                CoachInsightCreated.class);
        assertThat(insight.summary())
                .contains("5.0% engagement", "-50% against this project's median at 24h (1 earlier posts)");
        try (Connection c = PostgresResource.database().connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select summary, what_to_change from coach.ai_coach_insights where id = '"
                        + insight.insightId() + "'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo(insight.summary());
            assertThat(rs.getString(2)).contains("stronger hook");
        }
    }

    private void send(UUID projectId, MetricsCollected metrics) {
        kafka.send(
                Topics.METRICS_COLLECTED,
                metrics.postId().toString(),
                EventCodec.toJson(EventCodec.envelope(
                        UUID.randomUUID(), "/content-factory/metrics-service", projectId, Instant.now(), metrics)));
    }

    private static MetricsCollected metrics(long views, long likes) {
        return CollectedMetrics.at24h(views, likes, 0, 0, 0);
    }

    @Test
    void rowLevelSecurityGuardsEveryTable() throws Exception {
        RowLevelSecurityAudit.assertIsolated("coach", "cf_coach", Map.of(), Map.of());
    }
}
