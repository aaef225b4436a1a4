package io.contentfactory.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.contentfactory.contracts.EventCodec;
import io.contentfactory.contracts.Topics;
import io.contentfactory.contracts.events.PostDue;
import io.contentfactory.testkit.AppProcess;
import io.contentfactory.testkit.InternalTokens;
import io.contentfactory.testkit.KafkaResource;
import io.contentfactory.testkit.PostgresResource;
import io.contentfactory.testkit.TopicProbe;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * The scheduler's firing, with packaged scheduler-service processes on one database and broker: two instances fire
 * 10,000 posts between them with no duplicate and no miss, and an instance killed while posts fall due fires each
 * of them once after it restarts, with its lateness recorded.
 */
class DispatcherFiringIT {

    private static final Duration WAIT = Duration.ofMinutes(3);

    @Test
    void twoInstancesFireTenThousandPostsExactlyOnce() throws Exception {
        try (AppProcess first = scheduler("scheduler-a");
                AppProcess second = scheduler("scheduler-b")) {
            String account = "firing-" + UUID.randomUUID();
            for (int project = 0; project < 10; project++) {
                insertDuePosts(UUID.randomUUID(), account, 1_000, 3);
            }
            awaitFired(account, 10_000);
            awaitOutboxDrained();

            Map<String, Long> perTarget = dueRecordsOf(account).stream()
                    .collect(Collectors.groupingBy(this::targetOf, Collectors.counting()));
            assertThat(perTarget).hasSize(10_000);
            assertThat(perTarget.values()).allMatch(count -> count == 1);
            assertThat(count("select count(distinct lease_owner) from scheduler.post_targets where account_id = '"
                            + account + "'"))
                    .as("both instances took part")
                    .isEqualTo(2);
            System.out.printf(
                    "10,000 posts fired by two instances; lateness p50 %d ms, p99 %d ms%n",
                    percentile(account, 0.5), percentile(account, 0.99));
        }
    }

    @Test
    void aSchedulerKilledWhilePostsFallDueFiresEachOnceAfterItRestarts() throws Exception {
        String account = "restart-" + UUID.randomUUID();
        AppProcess running = scheduler("scheduler-crash");
        insertDuePosts(UUID.randomUUID(), account, 200, 4);
        running.kill();
        awaitAllDue(account);
        assertThat(count("select count(*) from scheduler.post_targets where account_id = '" + account
                        + "' and fired_at is not null"))
                .as("nothing fires while the scheduler is down")
                .isZero();

        try (AppProcess restarted = scheduler("scheduler-restarted")) {
            awaitFired(account, 200);
            awaitOutboxDrained();
            Map<String, Long> perTarget = dueRecordsOf(account).stream()
                    .collect(Collectors.groupingBy(this::targetOf, Collectors.counting()));
            assertThat(perTarget).hasSize(200);
            assertThat(perTarget.values()).allMatch(count -> count == 1);
            assertThat(count("select min(fired_late_ms) from scheduler.post_targets where account_id = '" + account
                            + "'"))
                    .as("each records how late it fired")
                    .isGreaterThanOrEqualTo(1_500);
        }
    }

    private static AppProcess scheduler(String name) {
        PostgresResource.TestDatabase db = PostgresResource.database();
        return AppProcess.start(
                name,
                Path.of("../scheduler-service"),
                Map.of(
                        "quarkus.datasource.jdbc.url", db.jdbcUrl(),
                        "quarkus.datasource.reactive.url", db.reactiveUrl(),
                        "factory.db.owner.username", db.user(),
                        "kafka.bootstrap.servers", KafkaResource.broker().bootstrapServers(),
                        "smallrye.jwt.verify.key.location",
                                InternalTokens.forService("scheduler-service")
                                        .keyFile()
                                        .toString(),
                        "factory.scheduler.lease", "PT5S",
                        "factory.scheduler.max-sleep", "PT1S",
                        "quarkus.log.category.\"io.contentfactory\".level", "WARN"),
                List.of("-Xmx256m", "-XX:+UseSerialGC"),
                Duration.ofSeconds(90));
    }

    /** Posts of one project due {@code inSeconds} from now, written as the planner writes them. */
    private static void insertDuePosts(UUID project, String account, int count, int inSeconds) throws Exception {
        String due = "now() + make_interval(secs => " + inSeconds + ")";
        try (Connection c = PostgresResource.database().connect();
                Statement s = c.createStatement()) {
            s.execute("create temp table ids as select gen_random_uuid() as post_id, gen_random_uuid() as target_id,"
                    + " gen_random_uuid() as media_id from generate_series(1, " + count + ")");
            s.execute("insert into scheduler.posts (project_id, id, media_id, mode, caption_body, hashtags) select '"
                    + project + "', post_id, media_id, 'auto', 'Firing test', 'firing' from ids");
            s.execute(
                    "insert into scheduler.post_targets (project_id, id, post_id, media_id, platform, account_id, format, media_type,"
                            + " media_url, content_type, scheduled_at, status, fire_at) select '" + project
                            + "', target_id, post_id, media_id,"
                            + " 'instagram', '" + account
                            + "', 'feed_image', 'image', 'http://localhost/media/x/content', 'image/jpeg', "
                            + due + ", 'planned', " + due + " from ids");
            s.execute("drop table ids");
        }
    }

    private static void awaitFired(String account, int expected) throws InterruptedException {
        Instant deadline = Instant.now().plus(WAIT);
        String sql =
                "select count(*) from scheduler.post_targets where account_id = '" + account + "' and status = 'due'";
        while (count(sql) < expected) {
            assertThat(Instant.now()).as("%d of %d fired", count(sql), expected).isBefore(deadline);
            Thread.sleep(250);
        }
    }

    /** Every event the scheduler recorded has been relayed: a duplicate, had there been one, is on the topic now. */
    private static void awaitOutboxDrained() throws InterruptedException {
        Instant deadline = Instant.now().plus(WAIT);
        String sql = "select count(*) from scheduler.outbox where published_at is null";
        while (count(sql) > 0) {
            assertThat(Instant.now()).as("%d events still to relay", count(sql)).isBefore(deadline);
            Thread.sleep(250);
        }
    }

    /** The database's clock has passed every slot of the account (and a second more): each post is due by now. */
    private static void awaitAllDue(String account) throws InterruptedException {
        Instant deadline = Instant.now().plus(WAIT);
        String sql = "select count(*) from scheduler.post_targets where account_id = '" + account
                + "' and fire_at > now() - interval '1 second'";
        while (count(sql) > 0) {
            assertThat(Instant.now()).as("posts still to fall due").isBefore(deadline);
            Thread.sleep(250);
        }
    }

    private List<ConsumerRecord<String, String>> dueRecordsOf(String account) {
        // The outbox relay publishes after the commit that marked a target due: wait for the records to catch up.
        long expected = count(
                "select count(*) from scheduler.post_targets where account_id = '" + account + "' and status = 'due'");
        return TopicProbe.onTestBroker()
                .await(Topics.POST_DUE, record -> record.value().contains(account), (int) expected, WAIT);
    }

    private String targetOf(ConsumerRecord<String, String> record) {
        return EventCodec.data(EventCodec.parse(record.value()), PostDue.class)
                .targetId()
                .toString();
    }

    private static long percentile(String account, double p) {
        return count(
                "select percentile_disc(" + p + ") within group (order by fired_late_ms) from scheduler.post_targets"
                        + " where account_id = '" + account + "'");
    }

    private static long count(String sql) {
        try (Connection c = PostgresResource.database().connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
