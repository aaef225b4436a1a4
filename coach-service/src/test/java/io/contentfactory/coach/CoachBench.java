package io.contentfactory.coach;

import io.contentfactory.contracts.CloudEvent;
import io.contentfactory.contracts.EventCodec;
import io.contentfactory.contracts.Topics;
import io.contentfactory.contracts.events.MetricsCollected;
import io.contentfactory.contracts.events.PipelineEvent;
import io.contentfactory.testkit.AppProcess;
import io.contentfactory.testkit.BenchReport;
import io.contentfactory.testkit.HeapSampler;
import io.contentfactory.testkit.InternalTokens;
import io.contentfactory.testkit.KafkaResource;
import io.contentfactory.testkit.PostgresResource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * Insights written by the rules engine, coach-service in its own JVM capped at 256 MB of heap: 10,000 media items
 * analysed, then each one's post collected at +24h at a steady rate, each collection writing one insight (snapshot
 * read, rules, insight row, outbox row, in the consumer's transaction). An insight's latency is from its
 * {@code metrics.collected} being sent to the insight's {@code created_at}. Then a burst of 10,000 more at once.
 * Reports figures; asserts nothing about time. Run with {@code ./mvnw -Pbench -pl coach-service test} after a full
 * build.
 */
class CoachBench {

    private static final int INSIGHTS = Integer.getInteger("bench.insights", 10_000);
    private static final int RATE = Integer.getInteger("bench.rate", 200);
    private static final BenchReport REPORT = new BenchReport(Path.of("target/coach-bench.txt"));

    @Test
    void tenThousandInsightsByTheRules() throws Exception {
        try (AppProcess coach = AppProcess.start(
                        "coach-service",
                        Path.of("."),
                        coachProperties(),
                        List.of("-Xmx256m", "-XX:+UseParallelGC"),
                        Duration.ofSeconds(90));
                KafkaProducer<String, String> producer = producer()) {
            UUID project = UUID.randomUUID();
            List<UUID> media = analysed(producer, project, 2 * INSIGHTS);

            HeapSampler paced = new HeapSampler(coach);
            Map<UUID, Instant> sent = new HashMap<>();
            Instant start = Instant.now();
            for (int i = 0; i < INSIGHTS; i++) {
                LockSupport.parkNanos(Math.max(
                        0,
                        Duration.between(Instant.now(), start.plusNanos(1_000_000_000L * i / RATE))
                                .toNanos()));
                sent.put(media.get(i), collected(producer, project, media.get(i)));
            }
            paced.until(() -> insights(project) >= INSIGHTS, Duration.ofMinutes(10));
            report(String.format(
                    "paced: %,d insights triggered at %d a second; latency %s; heap peak %d MB of 256 MB",
                    INSIGHTS, RATE, latency(project, sent), paced.maxHeap() / (1024 * 1024)));

            HeapSampler burst = new HeapSampler(coach);
            Instant burstStart = Instant.now();
            for (UUID item : media.subList(INSIGHTS, 2 * INSIGHTS)) {
                collected(producer, project, item);
            }
            burst.until(() -> insights(project) >= 2L * INSIGHTS, Duration.ofMinutes(10));
            double seconds = Duration.between(burstStart, Instant.now()).toMillis() / 1000.0;
            report(String.format(
                    "burst: %,d insights triggered at once written in %.1f s = %.0f insights/s; heap peak %d MB",
                    INSIGHTS, seconds, INSIGHTS / seconds, burst.maxHeap() / (1024 * 1024)));
        }
    }

    /** Sends each item's analysis and waits until the coach holds them all. */
    private static List<UUID> analysed(KafkaProducer<String, String> producer, UUID project, int count)
            throws Exception {
        List<UUID> media = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            UUID item = UUID.randomUUID();
            media.add(item);
            send(producer, project, Topics.MEDIA_ANALYZED, item, CollectedMetrics.video(item, 30 + i % 60));
        }
        producer.flush();
        Instant until = Instant.now().plus(Duration.ofMinutes(10));
        while (count("select count(*) from coach.media_profiles where project_id = '" + project + "'") < count) {
            if (Instant.now().isAfter(until)) {
                throw new IllegalStateException("the coach did not store " + count + " analyses in 10 minutes");
            }
            LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
        }
        report(String.format("%,d analyses stored", count));
        return media;
    }

    private static Instant collected(KafkaProducer<String, String> producer, UUID project, UUID item) {
        MetricsCollected at24h =
                CollectedMetrics.reel(item, UUID.randomUUID(), "24h", 3000, 200, 40, 45, 80, 14_000L, 75.0, 1000.0);
        return send(producer, project, Topics.METRICS_COLLECTED, at24h.postId(), at24h);
    }

    private static Instant send(
            KafkaProducer<String, String> producer, UUID project, String topic, UUID key, PipelineEvent event) {
        Instant at = Instant.now();
        ProducerRecord<String, String> record = new ProducerRecord<>(
                topic,
                key.toString(),
                EventCodec.toJson(
                        EventCodec.envelope(UUID.randomUUID(), "/content-factory/bench", project, at, event)));
        record.headers().add(CloudEvent.CONTENT_TYPE_HEADER, CloudEvent.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        producer.send(record);
        return at;
    }

    /** p50, p99 and the maximum of sent → created_at, over the insights of the items in {@code sent}. */
    private static String latency(UUID project, Map<UUID, Instant> sent) throws Exception {
        List<Long> micros = new ArrayList<>();
        try (Connection c = PostgresResource.database().connect();
                Statement s = c.createStatement();
                ResultSet rs =
                        s.executeQuery("select media_id, created_at from coach.ai_coach_insights where project_id = '"
                                + project + "'")) {
            while (rs.next()) {
                Instant at = sent.get(rs.getObject(1, UUID.class));
                if (at != null) {
                    micros.add(
                            Duration.between(at, rs.getTimestamp(2).toInstant()).toNanos() / 1000);
                }
            }
        }
        micros.sort(null);
        return String.format(
                "p50 %.1f ms, p99 %.1f ms, max %.1f ms over %,d",
                micros.get(micros.size() / 2) / 1000.0,
                micros.get((int) Math.ceil(micros.size() * 0.99) - 1) / 1000.0,
                micros.getLast() / 1000.0,
                micros.size());
    }

    private static long insights(UUID project) {
        try {
            return count("select count(*) from coach.ai_coach_insights where project_id = '" + project + "'");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static long count(String sql) throws Exception {
        try (Connection c = PostgresResource.database().connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static KafkaProducer<String, String> producer() {
        Properties props = new Properties();
        props.put(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaResource.broker().bootstrapServers());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        return new KafkaProducer<>(props);
    }

    private static Map<String, String> coachProperties() {
        PostgresResource.TestDatabase db = PostgresResource.database();
        return Map.of(
                "quarkus.datasource.jdbc.url", db.jdbcUrl(),
                "quarkus.datasource.reactive.url", db.reactiveUrl(),
                "factory.db.owner.username", db.user(),
                "kafka.bootstrap.servers", KafkaResource.broker().bootstrapServers(),
                "smallrye.jwt.verify.key.location",
                        InternalTokens.forService("coach-service").keyFile().toString(),
                // No model route is called here; the key is only needed for the service to start.
                "factory.coach.publisher.call-key",
                        java.util.Base64.getUrlEncoder()
                                .withoutPadding()
                                .encodeToString(InternalTokens.serviceCallKey("coach-service", "publisher-service")));
    }

    private static void report(String line) {
        REPORT.line(line);
    }
}
