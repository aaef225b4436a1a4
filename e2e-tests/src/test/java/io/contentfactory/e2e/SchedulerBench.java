package io.contentfactory.e2e;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.contentfactory.contracts.EventCodec;
import io.contentfactory.contracts.Topics;
import io.contentfactory.contracts.events.PostDue;
import io.contentfactory.testkit.AppProcess;
import io.contentfactory.testkit.InternalTokens;
import io.contentfactory.testkit.KafkaResource;
import io.contentfactory.testkit.PostgresResource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * The scheduler's firing against db-scheduler (lock-and-fetch) on the same PostgreSQL, the same broker and the same
 * 2 cores, one after the other, each with 1,000,000 pending rows a month ahead in its table. For each: a backlog of
 * 30,000 due rows (claims emitted to Kafka per second), a spike of 10,000 rows due in the same second (how long until
 * the last is in Kafka), and a steady 500 rows/s for 20 s, each written 2 s before it is due (lateness p50/p99). A
 * row counts when its record is in Kafka: lateness is the record's timestamp minus the row's due time, for both.
 * Reports figures; asserts nothing. {@code ./mvnw -B install -DskipTests && ./mvnw -Pbench -pl e2e-tests test -Dtest=SchedulerBench}
 */
class SchedulerBench {

    private static final int PENDING = 1_000_000;
    private static final int BACKLOG = 30_000;
    private static final int SPIKE = 10_000;
    private static final int STEADY_PER_SECOND = 500;
    private static final int STEADY_SECONDS = 20;
    private static final String PEER_TOPIC = "bench.db-scheduler";
    private static final Duration WAIT = Duration.ofMinutes(5);

    /** One system under test: how rows due at a time expression are written, and where they show up in Kafka. */
    private interface Subject {
        String name();

        /** Writes {@code count} rows due at the SQL expression {@code due}, tagged {@code tag}. */
        void write(String tag, int count, String due) throws Exception;

        String topic();

        /** The tag and due time of a record, or null when it is not the subject's. */
        Due read(ConsumerRecord<String, String> record);

        /** How long, from {@code since}, the tagged rows took to be marked fired, where the subject records it. */
        default String firedWithin(String tag, long since) {
            return "";
        }
    }

    private record Due(String tag, Instant at) {}

    @Test
    void firingSideBySideWithDbScheduler() throws Exception {
        List<String> report = new ArrayList<>();
        try (AppProcess scheduler = scheduler()) {
            report.addAll(run(new ContentFactory()));
        }
        try (Peer peer = new Peer()) {
            report.addAll(run(peer));
        }
        report.forEach(System.out::println);
    }

    private List<String> run(Subject subject) throws Exception {
        List<String> lines = new ArrayList<>();
        long seeded = System.nanoTime();
        subject.write("pending", PENDING, "now() + interval '30 days'");
        lines.add(subject.name() + ": seeded " + PENDING + " pending rows in "
                + (System.nanoTime() - seeded) / 1_000_000 + " ms");

        String backlog = "backlog-" + UUID.randomUUID();
        subject.write(backlog, BACKLOG, "now() - interval '1 second'");
        long written = System.currentTimeMillis();
        long elapsed = collect(subject, backlog, BACKLOG).lastTimestamp() - written;
        lines.add(String.format(
                "%s: backlog of %,d (visible at once) emitted in %d ms: %,.0f claims/s%s",
                subject.name(), BACKLOG, elapsed, BACKLOG * 1000.0 / elapsed, subject.firedWithin(backlog, written)));

        String spike = "spike-" + UUID.randomUUID();
        subject.write(spike, SPIKE, "date_trunc('second', now()) + interval '3 seconds'");
        List<Long> spikeLateness = collect(subject, spike, SPIKE).lateness();
        lines.add(String.format(
                "%s: spike of %,d due in one second drained %d ms after it was due (p50 %d ms)",
                subject.name(), SPIKE, spikeLateness.get(spikeLateness.size() - 1), percentile(spikeLateness, 0.5)));

        String steady = "steady-" + UUID.randomUUID();
        for (int tick = 0; tick < STEADY_SECONDS * 10; tick++) {
            long start = System.nanoTime();
            subject.write(steady, STEADY_PER_SECOND / 10, "now() + interval '2 seconds'");
            Thread.sleep(Math.max(0, 100 - (System.nanoTime() - start) / 1_000_000));
        }
        List<Long> steadyLateness =
                collect(subject, steady, STEADY_PER_SECOND * STEADY_SECONDS).lateness();
        lines.add(String.format(
                "%s: steady %d/s for %d s with %,d pending: lateness p50 %d ms, p99 %d ms, max %d ms",
                subject.name(),
                STEADY_PER_SECOND,
                STEADY_SECONDS,
                PENDING,
                percentile(steadyLateness, 0.5),
                percentile(steadyLateness, 0.99),
                steadyLateness.get(steadyLateness.size() - 1)));
        return lines;
    }

    /** Each tagged record's lateness (record timestamp minus due time), sorted, and the last record's timestamp. */
    private record Collected(List<Long> lateness, long lastTimestamp) {}

    private static Collected collect(Subject subject, String tag, int expected) {
        Properties props = new Properties();
        props.put(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaResource.broker().bootstrapServers());
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        List<Long> lateness = new ArrayList<>(expected);
        long last = 0;
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = consumer.partitionsFor(subject.topic()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Instant deadline = Instant.now().plus(WAIT);
            while (lateness.size() < expected && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    Due due = subject.read(record);
                    if (due != null && due.tag().equals(tag)) {
                        lateness.add(record.timestamp() - due.at().toEpochMilli());
                        last = Math.max(last, record.timestamp());
                    }
                }
            }
        }
        if (lateness.size() < expected) {
            throw new AssertionError(
                    subject.name() + ": only " + lateness.size() + " of " + expected + " " + tag + " records arrived");
        }
        lateness.sort(null);
        return new Collected(lateness, last);
    }

    private static long percentile(List<Long> sorted, double p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }

    private static AppProcess scheduler() {
        PostgresResource.TestDatabase db = PostgresResource.database();
        return AppProcess.start(
                "scheduler-bench",
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
                        "quarkus.log.category.\"io.contentfactory\".level", "WARN"),
                List.of("-Xmx512m", "-XX:+UseParallelGC"),
                Duration.ofSeconds(90));
    }

    private static void sql(String... statements) throws Exception {
        try (Connection c = PostgresResource.database().connect();
                Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }

    /** Our scheduler: rows written as the planner writes them; the tag is the account, read back from post.due. */
    private static final class ContentFactory implements Subject {
        private final UUID project = UUID.randomUUID();

        @Override
        public String name() {
            return "content-factory";
        }

        @Override
        public void write(String tag, int count, String due) throws Exception {
            sql(
                    "create temp table ids as select gen_random_uuid() as post_id, gen_random_uuid() as target_id,"
                            + " gen_random_uuid() as media_id from generate_series(1, " + count + ")",
                    "insert into scheduler.posts (project_id, id, media_id, mode, caption_body, hashtags) select '"
                            + project + "', post_id, media_id, 'auto', 'Bench', 'bench' from ids",
                    "insert into scheduler.post_targets (project_id, id, post_id, media_id, platform, account_id, format, media_type,"
                            + " media_url, content_type, scheduled_at, status, fire_at) select '" + project
                            + "', target_id, post_id,"
                            + " media_id, 'instagram', '" + tag
                            + "', 'feed_image', 'image', 'http://localhost/media/x/content',"
                            + " 'image/jpeg', " + due + ", 'planned', " + due + " from ids",
                    "drop table ids");
        }

        @Override
        public String topic() {
            return Topics.POST_DUE;
        }

        @Override
        public String firedWithin(String tag, long since) {
            try (Connection c = PostgresResource.database().connect();
                    Statement s = c.createStatement();
                    java.sql.ResultSet rows =
                            s.executeQuery("select extract(epoch from max(fired_at)) * 1000 from scheduler.post_targets"
                                    + " where account_id = '" + tag + "'")) {
                rows.next();
                return String.format(" (all marked fired after %d ms)", (long) rows.getDouble(1) - since);
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public Due read(ConsumerRecord<String, String> record) {
            PostDue due = EventCodec.data(EventCodec.parse(record.value()), PostDue.class);
            return new Due(due.accountId(), due.scheduledAt());
        }
    }

    /**
     * db-scheduler 16 with lock-and-fetch polling every 100 ms (its default is 10 s), 20 executor threads and a
     * Hikari pool; each execution sends one record to Kafka and waits for the acknowledgement, as our outbox relay does.
     */
    private static final class Peer implements Subject, AutoCloseable {
        private final HikariDataSource dataSource;
        private final KafkaProducer<String, String> producer;
        private final Scheduler scheduler;

        Peer() throws Exception {
            sql(
                    "create schema if not exists peer",
                    "create table if not exists peer.scheduled_tasks (task_name text not null, task_instance text not null,"
                            + " task_data bytea, execution_time timestamp with time zone not null, picked boolean not null,"
                            + " picked_by text, last_success timestamp with time zone, last_failure timestamp with time zone,"
                            + " consecutive_failures int, last_heartbeat timestamp with time zone, version bigint not null,"
                            + " priority smallint, primary key (task_name, task_instance))",
                    "create index if not exists execution_time_idx on peer.scheduled_tasks (execution_time)",
                    "create index if not exists last_heartbeat_idx on peer.scheduled_tasks (last_heartbeat)",
                    "create index if not exists priority_execution_time_idx on peer.scheduled_tasks (priority desc, execution_time asc)");
            try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(
                    Map.of("bootstrap.servers", KafkaResource.broker().bootstrapServers()))) {
                admin.createTopics(List.of(new org.apache.kafka.clients.admin.NewTopic(PEER_TOPIC, 6, (short) 1)))
                        .all()
                        .get();
            }
            PostgresResource.TestDatabase db = PostgresResource.database();
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(db.jdbcUrl());
            config.setUsername(db.user());
            config.setMaximumPoolSize(24);
            dataSource = new HikariDataSource(config);
            Properties props = new Properties();
            props.put(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    KafkaResource.broker().bootstrapServers());
            props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
            producer = new KafkaProducer<>(props);
            OneTimeTask<Void> post = Tasks.oneTime("bench-post").execute((instance, context) -> {
                String value = instance.getId().substring(0, instance.getId().indexOf('|')) + "|"
                        + context.getExecution().executionTime;
                try {
                    producer.send(new ProducerRecord<>(PEER_TOPIC, instance.getId(), value))
                            .get();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            scheduler = Scheduler.create(dataSource, post)
                    .tableName("peer.scheduled_tasks")
                    .threads(20)
                    .pollUsingLockAndFetch(0.5, 1.0)
                    .pollingInterval(Duration.ofMillis(100))
                    .build();
            scheduler.start();
        }

        @Override
        public String name() {
            return "db-scheduler";
        }

        @Override
        public void write(String tag, int count, String due) throws Exception {
            sql("insert into peer.scheduled_tasks (task_name, task_instance, execution_time, picked, version)"
                    + " select 'bench-post', '" + tag + "|' || gen_random_uuid(), " + due
                    + ", false, 1 from generate_series(1, " + count + ")");
        }

        @Override
        public String topic() {
            return PEER_TOPIC;
        }

        @Override
        public Due read(ConsumerRecord<String, String> record) {
            String[] parts = record.value().split("\\|");
            return new Due(parts[0], Instant.parse(parts[1]));
        }

        @Override
        public void close() {
            scheduler.stop();
            producer.close();
            dataSource.close();
        }
    }
}
