package io.contentfactory.coach;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.contentfactory.contracts.EventCodec;
import io.contentfactory.contracts.Topics;
import io.contentfactory.contracts.events.MediaAnalyzed;
import io.contentfactory.contracts.events.PipelineEvent;
import io.contentfactory.testkit.PostgresResource;
import io.contentfactory.testkit.TopicProbe;
import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** What the coach's ITs do to it: events sent as the pipeline sends them, summaries asked for, rows counted. */
final class CoachFixture {

    static final Duration TIMEOUT = Duration.ofSeconds(90);

    private final TopicProbe kafka = TopicProbe.onTestBroker();

    /** Sends the analysis and waits until the coach holds it, so a reading or a request sent next meets it. */
    void analyzed(UUID projectId, MediaAnalyzed analysis) {
        send(projectId, Topics.MEDIA_ANALYZED, analysis.mediaId(), analysis);
        await().atMost(TIMEOUT)
                .until(() ->
                        count("select count(*) from coach.media_profiles where media_id = '" + analysis.mediaId() + "'")
                                == 1);
    }

    void send(UUID projectId, String topic, UUID key, PipelineEvent event) {
        kafka.send(
                topic,
                key.toString(),
                EventCodec.toJson(EventCodec.envelope(
                        UUID.randomUUID(), "/content-factory/test", projectId, Instant.now(), event)));
    }

    TopicProbe kafka() {
        return kafka;
    }

    /** Asks for a summary now; the custom method's ':' is sent as is, not percent-encoded. */
    static Response refresh(String token, UUID mediaId) {
        return given().urlEncodingEnabled(false)
                .auth()
                .oauth2(token)
                .post("/v1/media/" + mediaId + "/coach-summary:refresh");
    }

    static long count(String sql) throws Exception {
        try (Connection c = PostgresResource.database().connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
