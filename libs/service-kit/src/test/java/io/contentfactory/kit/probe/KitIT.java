package io.contentfactory.kit.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.contentfactory.contracts.EventCodec;
import io.contentfactory.contracts.Topics;
import io.contentfactory.contracts.events.ProjectCreated;
import io.contentfactory.kit.outbox.Outbox;
import io.contentfactory.kit.tenancy.TenantScope;
import io.contentfactory.testkit.KafkaResource;
import io.contentfactory.testkit.PostgresResource;
import io.contentfactory.testkit.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** The kit's building blocks in a running service, on real PostgreSQL and Kafka: the probe service of this module. */
@QuarkusTest
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(PostgresResource.class)
class KitIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private final TopicProbe kafka = TopicProbe.onTestBroker();

    @Inject
    TenantScope tenancy;

    @Inject
    Outbox outbox;

    @Test
    void aRedeliveredEventIsAppliedOnce() {
        UUID project = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        String event = event(eventId, project, "twice");
        kafka.send(Topics.PROJECT_CREATED, project.toString(), event);
        kafka.send(Topics.PROJECT_CREATED, project.toString(), event);
        UUID later = UUID.randomUUID();
        kafka.send(Topics.PROJECT_CREATED, project.toString(), event(later, project, "after"));

        // The later event on the same key is applied after both deliveries of the first.
        await().atMost(TIMEOUT).until(() -> effects("event_id = '" + later + "'") == 1);
        assertThat(effects("event_id = '" + eventId + "'")).isEqualTo(1);
        assertThat(count("select count(*) from kitprobe.inbox where event_id = '" + eventId + "'"))
                .isEqualTo(1);
    }

    @Test
    void aFailingEventIsRetriedAndAPoisonOneGoesToItsDeadLetterTopicWithItsReason() {
        UUID project = UUID.randomUUID();
        UUID flaky = UUID.randomUUID();
        UUID poison = UUID.randomUUID();
        kafka.send(Topics.PROJECT_CREATED, project.toString(), event(flaky, project, "flaky-" + flaky));
        kafka.send(Topics.PROJECT_CREATED, project.toString(), event(poison, project, "poison-" + poison));

        await().atMost(TIMEOUT).until(() -> effects("event_id = '" + flaky + "'") == 1);
        ConsumerRecord<String, String> dead =
                kafka.awaitOne("dlq.kit-probe.project.created", r -> r.value().contains(poison.toString()), TIMEOUT);
        assertThat(new String(dead.headers().lastHeader("dead-letter-reason").value()))
                .contains("poison");
        assertThat(effects("event_id = '" + poison + "'")).isZero();
    }

    @Test
    void aTransactionBoundToOneProjectSeesOnlyThatProjectsRows() {
        UUID mine = UUID.randomUUID();
        UUID theirs = UUID.randomUUID();
        kafka.send(Topics.PROJECT_CREATED, mine.toString(), event(UUID.randomUUID(), mine, "mine"));
        kafka.send(Topics.PROJECT_CREATED, theirs.toString(), event(UUID.randomUUID(), theirs, "theirs"));
        await().atMost(TIMEOUT).until(() -> effects("project_id in ('" + mine + "', '" + theirs + "')") == 2);

        List<String> seen = tenancy.statementInProject(mine, "select slug from kitprobe.probe_effects", Tuple.tuple())
                .map(rows -> {
                    List<String> slugs = new java.util.ArrayList<>();
                    rows.forEach(row -> slugs.add(row.getString("slug")));
                    return slugs;
                })
                .await()
                .atMost(TIMEOUT);
        assertThat(seen).containsExactly("mine");
        Long unbound = tenancy.asSystem(connection -> connection
                        .query("select count(*) from kitprobe.probe_effects where project_id in ('" + mine + "', '"
                                + theirs + "')")
                        .execute()
                        .map(rows -> rows.iterator().next().getLong(0)))
                .await()
                .atMost(TIMEOUT);
        assertThat(unbound).as("the system role sees every project").isEqualTo(2);
    }

    @Test
    void eventsRecordedInTheOutboxAreRelayedOnceEachInTheOrderTheyWereWritten() {
        UUID project = UUID.randomUUID();
        for (int i = 0; i < 20; i++) {
            ProjectCreated created = new ProjectCreated(project, "ordered-" + i, "Ordered " + i, "UTC");
            recordInItsOwnTransaction(project, created);
        }
        List<ConsumerRecord<String, String>> relayed =
                kafka.await(Topics.PROJECT_CREATED, r -> r.value().contains("\"ordered-"), 20, TIMEOUT);
        assertThat(relayed)
                .extracting(r -> EventCodec.data(EventCodec.parse(r.value()), ProjectCreated.class)
                        .slug())
                .containsExactlyElementsOf(java.util.stream.IntStream.range(0, 20)
                        .mapToObj(i -> "ordered-" + i)
                        .toList());
        await().atMost(TIMEOUT)
                .until(() -> count("select count(*) from kitprobe.outbox where project_id = '" + project
                                + "' and published_at is null")
                        == 0);
        assertThat(kafka.all(Topics.PROJECT_CREATED))
                .filteredOn(r -> r.value().contains("\"ordered-"))
                .hasSize(20);
    }

    @Test
    void aBatchKafkaTookButTheRelayNeverMarkedIsSentAgainAndAppliedOnce() throws SQLException {
        UUID project = UUID.randomUUID();
        String slug = "crash-" + project;
        // The relay's mark fails as a crash between Kafka's acknowledgement and the commit would leave it: the
        // batch's transaction never commits, so its rows stay unpublished.
        execute("create or replace function kitprobe.crash_before_marking() returns trigger language plpgsql as"
                + " $$ begin raise exception 'the relay crashed before marking its batch'; end $$");
        execute("create trigger crash_before_marking before update of published_at on kitprobe.outbox"
                + " for each row execute function kitprobe.crash_before_marking()");
        try {
            recordInItsOwnTransaction(project, new ProjectCreated(project, slug, slug, "UTC"));
            kafka.await(Topics.PROJECT_CREATED, r -> r.value().contains(slug), 2, TIMEOUT);
            assertThat(count("select count(*) from kitprobe.outbox where project_id = '" + project
                            + "' and published_at is null"))
                    .isEqualTo(1);
        } finally {
            execute("drop trigger crash_before_marking on kitprobe.outbox");
        }

        // The relay, "restarted", sends the row again and marks it; the consumer applied the event once.
        await().atMost(TIMEOUT)
                .until(() -> count("select count(*) from kitprobe.outbox where project_id = '" + project
                                + "' and published_at is null")
                        == 0);
        await().atMost(TIMEOUT).until(() -> effects("slug = '" + slug + "'") == 1);
        assertThat(kafka.all(Topics.PROJECT_CREATED))
                .filteredOn(r -> r.value().contains(slug))
                .hasSizeGreaterThanOrEqualTo(2);
        assertThat(effects("slug = '" + slug + "'")).isEqualTo(1);
    }

    /** One transaction per event, on a Vert.x context as Hibernate Reactive needs, as a service would write them. */
    private void recordInItsOwnTransaction(UUID project, ProjectCreated created) {
        try {
            io.quarkus.vertx.VertxContextSupport.subscribeAndAwait(
                    () -> tenancy.transaction(project, () -> outbox.record(project, created)));
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private static String event(UUID eventId, UUID project, String slug) {
        return EventCodec.toJson(EventCodec.envelope(
                eventId,
                "/content-factory/kit-test",
                project,
                Instant.now(),
                new ProjectCreated(project, slug, slug, "UTC")));
    }

    private static long effects(String where) {
        return count("select count(*) from kitprobe.probe_effects where " + where);
    }

    private static void execute(String sql) throws SQLException {
        try (Connection c = PostgresResource.database().connect()) {
            c.createStatement().execute(sql);
        }
    }

    private static long count(String sql) {
        try (Connection c = PostgresResource.database().connect();
                ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
