package io.contentfactory.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.contentfactory.contracts.CloudEvent;
import io.contentfactory.contracts.EventCodec;
import io.contentfactory.contracts.Topics;
import io.contentfactory.contracts.events.MediaAnalyzed;
import io.contentfactory.contracts.events.MediaType;
import io.contentfactory.contracts.events.Platform;
import io.contentfactory.contracts.events.PostDue;
import io.contentfactory.contracts.events.PostFormat;
import io.contentfactory.contracts.events.PostPublished;
import io.contentfactory.contracts.events.PostScheduled;
import io.contentfactory.kit.db.NamedStatement;
import io.contentfactory.scheduler.persistence.PostTargetStore;
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
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(PostgresResource.class)
class PlanAndFireIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    /** With plan-hour = 0.5 s, the seed's 24 h maximum gap lasts 12 s. */
    private static final Duration MAX_GAP = Duration.ofSeconds(12);

    private final TopicProbe kafka = TopicProbe.onTestBroker();

    @Test
    void analysedMediaGetsSpacedSlotsAndFiresOnceAtItsSlot() {
        UUID projectId = UUID.randomUUID();
        SchedulerApi.autoTarget(projectId, "instagram", "sandbox-ig-account");
        List<UUID> media = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        media.forEach(id -> kafka.send(Topics.MEDIA_ANALYZED, projectId.toString(), analyzed(projectId, id)));

        List<PostScheduled> scheduled =
                kafka.await(Topics.POST_SCHEDULED, r -> r.value().contains(projectId.toString()), 3, TIMEOUT).stream()
                        .map(r -> EventCodec.data(EventCodec.parse(r.value()), PostScheduled.class))
                        .sorted(Comparator.comparing(PostScheduled::scheduledAt))
                        .toList();
        assertThat(scheduled).extracting(PostScheduled::mediaId).containsExactlyInAnyOrderElementsOf(media);
        assertThat(Duration.between(
                        scheduled.get(0).scheduledAt(), scheduled.get(1).scheduledAt()))
                .isEqualTo(MAX_GAP);
        assertThat(Duration.between(
                        scheduled.get(1).scheduledAt(), scheduled.get(2).scheduledAt()))
                .isEqualTo(MAX_GAP);

        PostScheduled first = scheduled.get(0);
        ConsumerRecord<String, String> dueRecord = kafka.awaitOne(
                Topics.POST_DUE, r -> r.value().contains(first.targetId().toString()), TIMEOUT);
        CloudEvent dueEnvelope = EventCodec.parse(dueRecord.value());
        PostDue due = EventCodec.data(dueEnvelope, PostDue.class);
        assertThat(dueRecord.key()).isEqualTo(first.postId().toString());
        assertThat(dueEnvelope.time()).isAfterOrEqualTo(first.scheduledAt());
        assertThat(due.caption().body()).isEqualTo("Morning routine");
        assertThat(due.format()).isEqualTo(PostFormat.REEL);

        // The second slot is 12 s later: it has not fired yet, and the first fired exactly once.
        assertThat(status(first.targetId())).isEqualTo("due");
        assertThat(status(scheduled.get(1).targetId())).isEqualTo("planned");
        assertThat(kafka.all(Topics.POST_DUE).stream()
                        .filter(r -> r.value().contains(first.targetId().toString())))
                .hasSize(1);
    }

    @Test
    void aPublishedOutcomeIsWrittenBackToTheTarget() {
        UUID projectId = UUID.randomUUID();
        SchedulerApi.autoTarget(projectId, "instagram", "sandbox-ig-account");
        UUID mediaId = UUID.randomUUID();
        kafka.send(Topics.MEDIA_ANALYZED, projectId.toString(), analyzed(projectId, mediaId));
        PostScheduled scheduled = EventCodec.data(
                EventCodec.parse(
                        kafka.awaitOne(Topics.POST_SCHEDULED, r -> r.value().contains(mediaId.toString()), TIMEOUT)
                                .value()),
                PostScheduled.class);
        kafka.awaitOne(
                Topics.POST_DUE, r -> r.value().contains(scheduled.targetId().toString()), TIMEOUT);

        PostPublished published = new PostPublished(
                scheduled.postId(),
                scheduled.targetId(),
                mediaId,
                UUID.randomUUID(),
                Platform.INSTAGRAM,
                "sandbox-ig-account",
                PostFormat.REEL,
                "17900001",
                "https://sandbox/p/17900001",
                "Morning routine",
                Instant.now());
        kafka.send(
                Topics.POST_PUBLISHED,
                scheduled.postId().toString(),
                EventCodec.toJson(EventCodec.envelope(
                        UUID.randomUUID(), "/content-factory/publisher-service", projectId, Instant.now(), published)));

        await().atMost(TIMEOUT).until(() -> "published".equals(status(scheduled.targetId())));
        assertThat(query("select permalink from scheduler.post_targets where id = '" + scheduled.targetId() + "'"))
                .isEqualTo("https://sandbox/p/17900001");
    }

    private static String analyzed(UUID projectId, UUID mediaId) {
        MediaAnalyzed data = new MediaAnalyzed(
                mediaId,
                UUID.randomUUID(),
                MediaType.VIDEO,
                "video/mp4",
                12.0,
                1080,
                1920,
                80,
                "http://localhost:8081/media/" + mediaId + "/content",
                "Morning routine",
                List.of("routine"));
        return EventCodec.toJson(EventCodec.envelope(
                UUID.randomUUID(), "/content-factory/analysis-service", projectId, Instant.now(), data));
    }

    private static String status(UUID targetId) {
        return query("select status from scheduler.post_targets where id = '" + targetId + "'");
    }

    private static String query(String sql) {
        try (Connection c = PostgresResource.database().connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * With 20,000 pending rows, a claim walks the partial index on due rows and locks only what its limit lets
     * through: Limit over LockRows over an index scan, no sort of all pending rows.
     */
    @Test
    void aClaimReadsThePartialIndexAndLocksOnlyWhatItsLimitTakes() throws Exception {
        UUID project = UUID.randomUUID();
        try (Connection c = PostgresResource.database().connect();
                Statement s = c.createStatement()) {
            s.execute(
                    "insert into scheduler.post_targets (project_id, id, post_id, media_id, platform, account_id, format, media_type,"
                            + " media_url, content_type, scheduled_at, status, fire_at) select '" + project
                            + "', gen_random_uuid(), gen_random_uuid(),"
                            + " gen_random_uuid(), 'instagram', 'explain', 'feed_image', 'image', 'http://x/y', 'image/jpeg',"
                            + " now() + make_interval(mins => i), 'planned', now() + make_interval(mins => i) from generate_series(1, 20000) i");
            s.execute("analyze scheduler.post_targets");
            // Named parameters in order of first use: lease_owner, lease_seconds, claim_limit.
            s.execute("prepare claim(text, float8, int) as "
                    + NamedStatement.of(
                                    io.contentfactory.kit.timer.DurableTimer.claimStatement("scheduler.post_targets"))
                            .sql());
            assertLimitBeforeLocks(plan(s, "explain (format json) execute claim('test', 60, 50)"));
            // The dispatcher's own statement, which claims and fires in one: the same walk, and targets reached by key.
            // Named parameters in order of first use: fire_limit, lease_owner.
            s.execute("prepare fire(int, text) as "
                    + NamedStatement.of(PostTargetStore.fireStatement(
                                    "scheduler.post_targets", "scheduler.posts", "scheduler.planning_settings"))
                            .sql());
            com.fasterxml.jackson.databind.JsonNode fire = plan(s, "explain (format json) execute fire(50, 'test')");
            assertLimitBeforeLocks(fire);
            assertThat(scans(fire, "post_targets"))
                    .as("targets reached by index, never a scan of them all")
                    .isNotEmpty()
                    .doesNotContain("Seq Scan");
        } finally {
            try (Connection c = PostgresResource.database().connect();
                    Statement s = c.createStatement()) {
                s.execute("delete from scheduler.post_targets where project_id = '" + project + "'");
            }
        }
    }

    /** The node types that read {@code relation} anywhere in the plan. */
    private static List<String> scans(com.fasterxml.jackson.databind.JsonNode node, String relation) {
        List<String> found = new java.util.ArrayList<>();
        if (relation.equals(node.path("Relation Name").asText())
                && !node.path("Node Type").asText().equals("ModifyTable")) {
            found.add(node.path("Node Type").asText());
        }
        node.path("Plans").forEach(child -> found.addAll(scans(child, relation)));
        return found;
    }

    private static com.fasterxml.jackson.databind.JsonNode plan(Statement s, String explain) throws Exception {
        try (ResultSet rs = s.executeQuery(explain)) {
            rs.next();
            return io.contentfactory.contracts.EventCodec.mapper()
                    .readTree(rs.getString(1))
                    .get(0)
                    .get("Plan");
        }
    }

    /** Limit over LockRows over an index scan of the due index: only the rows the limit takes are locked. */
    private static void assertLimitBeforeLocks(com.fasterxml.jackson.databind.JsonNode plan) {
        com.fasterxml.jackson.databind.JsonNode limit = find(plan, "Limit");
        assertThat(limit).as("a Limit node in %s", plan).isNotNull();
        com.fasterxml.jackson.databind.JsonNode lockRows = limit.get("Plans").get(0);
        assertThat(lockRows.get("Node Type").asText()).isEqualTo("LockRows");
        com.fasterxml.jackson.databind.JsonNode scan = lockRows.get("Plans").get(0);
        assertThat(scan.get("Node Type").asText()).isIn("Index Scan", "Index Only Scan");
        assertThat(scan.get("Index Name").asText()).isEqualTo("post_targets_due_idx");
        assertThat(find(limit, "Sort")).as("no sort of the pending rows").isNull();
    }

    private static com.fasterxml.jackson.databind.JsonNode find(
            com.fasterxml.jackson.databind.JsonNode node, String type) {
        if (type.equals(node.path("Node Type").asText())) {
            return node;
        }
        for (com.fasterxml.jackson.databind.JsonNode child : node.path("Plans")) {
            com.fasterxml.jackson.databind.JsonNode found = find(child, type);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    @Test
    void rowLevelSecurityGuardsEveryTable() throws Exception {
        RowLevelSecurityAudit.assertIsolated(
                "scheduler", "cf_scheduler", Map.of(), Map.of("post_targets_due_idx", "timer claims span projects"));
    }
}
