package io.contentfactory.metrics;

import io.contentfactory.testkit.AppProcess;
import io.contentfactory.testkit.Autovacuum;
import io.contentfactory.testkit.BenchReport;
import io.contentfactory.testkit.HeapSampler;
import io.contentfactory.testkit.InternalTokens;
import io.contentfactory.testkit.KafkaResource;
import io.contentfactory.testkit.PostgresResource;
import io.restassured.RestAssured;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Checkpoint reads per second against the Instagram sandbox (no insights delay, no read budget), with a million
 * checkpoints pending and metrics-service in its own JVM capped at 256 MB of heap. Two runs after a warm-up: a burst
 * of checkpoints all due at once (how fast they drain), and a steady 1,000 due a second (how late they are read). A
 * read is the whole checkpoint: the claim, the read token, the insights call, the comments look (calls, sentiment,
 * topics, storage), the score against the account's baseline, and the row with its {@code metrics.collected} through
 * the outbox. Reports figures; asserts nothing about time. Run with {@code ./mvnw -Pbench -pl metrics-service test}
 * after a full build.
 */
class CheckpointBench {

    private static final int ACCOUNTS = 20;
    private static final int MEDIA_PER_ACCOUNT = 100;
    private static final int PENDING = Integer.getInteger("bench.pending", 1_000_000);
    private static final int WARMUP = Integer.getInteger("bench.warmup", 20_000);
    private static final int BURST = Integer.getInteger("bench.burst", 20_000);
    private static final int PACED = Integer.getInteger("bench.paced", 30_000);
    private static final int RATE = Integer.getInteger("bench.rate", 1_000);
    /** {@code -Dbench.service.quarkus.x=y} passes {@code quarkus.x=y} to metrics-service, to compare settings. */
    private static final String SERVICE_PROPERTY = "bench.service.";

    private static final BenchReport REPORT = new BenchReport(Path.of("target/checkpoint-bench.txt"));

    @Test
    void checkpointReadsWithAMillionPending() throws Exception {
        Map<String, String> sandboxProperties = new HashMap<>(Map.of(
                "sandbox.instagram.insights-delay", "PT0S",
                "sandbox.instagram.reads-per-hour", "1000000000"));
        for (int i = 0; i < ACCOUNTS; i++) {
            sandboxProperties.put("sandbox.instagram.accounts.bench-" + i, "token-bench-" + i);
            FakePublisher.ACCOUNTS.put("bench-" + i, "token-bench-" + i);
        }
        FakePublisher publisher = new FakePublisher();
        Map<String, String> publisherUrl = publisher.start();
        try (AppProcess sandbox = AppProcess.start(
                        "platform-sandbox",
                        Path.of("../platform-sandbox"),
                        sandboxProperties,
                        List.of("-Xmx1g", "-XX:+UseParallelGC"),
                        Duration.ofSeconds(90));
                AppProcess metrics = AppProcess.start(
                        "metrics-service",
                        Path.of("."),
                        metricsProperties(sandbox, publisherUrl),
                        metricsJvm(),
                        Duration.ofSeconds(90));
                Autovacuum autovacuum = new Autovacuum("metrics.metric_checkpoints, metrics.posting_metrics,"
                        + " metrics.comments, metrics.outbox, metrics.inbox")) {
            // The million pending belong to other projects, so that counting the measured ones reads only theirs.
            UUID project = UUID.randomUUID();
            List<String> media = publishMedia(sandbox);
            Instant seeding = Instant.now();
            for (int i = 0; i < 10; i++) {
                insert(UUID.randomUUID(), media, PENDING / 10, Instant.now().plus(Duration.ofDays(30)), 0);
            }
            report(String.format(
                    "seeded %,d pending checkpoints (due in 30 days) in %.1f s",
                    PENDING, Duration.between(seeding, Instant.now()).toMillis() / 1000.0));

            insert(project, media, WARMUP, Instant.now(), 0);
            awaitEnded(project, WARMUP, Duration.ofMinutes(15));
            report("warmed up with " + WARMUP + " checkpoints");

            HeapSampler burstSampler = new HeapSampler(metrics);
            Instant burstStart = Instant.now();
            insert(project, media, BURST, burstStart, 0);
            burstSampler.until(() -> ended(project) >= WARMUP + BURST, Duration.ofMinutes(15));
            double burstSeconds = Duration.between(burstStart, Instant.now()).toMillis() / 1000.0;
            report(String.format(
                    "burst: %,d checkpoints due at once read in %.1f s = %.0f reads/s; heap peak %d MB of 256 MB; %s",
                    BURST,
                    burstSeconds,
                    BURST / burstSeconds,
                    burstSampler.maxHeap() / (1024 * 1024),
                    states(project)));

            HeapSampler pacedSampler = new HeapSampler(metrics);
            Instant pacedStart = Instant.now().plusSeconds(5);
            insert(project, media, PACED, pacedStart, RATE);
            pacedSampler.until(() -> ended(project) >= WARMUP + BURST + PACED, Duration.ofMinutes(15));
            report(String.format(
                    "paced: %,d checkpoints due at %d a second; lateness %s; heap peak %d MB of 256 MB",
                    PACED, RATE, lateness(project, pacedStart), pacedSampler.maxHeap() / (1024 * 1024)));
            report("pending still: "
                    + count("select count(*) from metrics.metric_checkpoints where project_id = '" + project
                            + "' and state = 'pending'"));
        } finally {
            publisher.stop();
        }
    }

    /** 256 MB of heap, as the issue asks; {@code -Dbench.jfr=true} records a JFR profile to target/metrics.jfr. */
    private static List<String> metricsJvm() {
        List<String> options = new ArrayList<>(List.of("-Xmx256m", "-XX:+UseParallelGC"));
        if (Boolean.getBoolean("bench.jfr")) {
            options.add("-XX:FlightRecorderOptions:stackdepth=256");
            options.add("-XX:StartFlightRecording=filename="
                    + Path.of("target/metrics.jfr").toAbsolutePath() + ",settings=profile");
        }
        return options;
    }

    private static Map<String, String> metricsProperties(AppProcess sandbox, Map<String, String> publisher) {
        PostgresResource.TestDatabase db = PostgresResource.database();
        Map<String, String> properties = new HashMap<>(publisher);
        properties.putAll(Map.of(
                "quarkus.datasource.jdbc.url", db.jdbcUrl(),
                "quarkus.datasource.reactive.url", db.reactiveUrl(),
                "factory.db.owner.username", db.user(),
                "kafka.bootstrap.servers", KafkaResource.broker().bootstrapServers(),
                "smallrye.jwt.verify.key.location",
                        InternalTokens.forService("metrics-service").keyFile().toString(),
                "factory.metrics.instagram.base-url", sandbox.baseUrl(),
                "factory.metrics.tiktok.base-url", sandbox.baseUrl() + "/tiktok",
                "factory.metrics.youtube.data-base-url", sandbox.baseUrl() + "/youtube",
                "factory.metrics.youtube.analytics-base-url", sandbox.baseUrl() + "/youtube-analytics"));
        properties.put(
                "factory.metrics.publisher.call-key",
                java.util.Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(InternalTokens.serviceCallKey("metrics-service", "publisher-service")));
        properties.put("quarkus.log.category.\"io.contentfactory\".level", "WARN");
        System.getProperties().stringPropertyNames().stream()
                .filter(name -> name.startsWith(SERVICE_PROPERTY))
                .forEach(name -> properties.put(name.substring(SERVICE_PROPERTY.length()), System.getProperty(name)));
        return properties;
    }

    /** Live posts on the sandbox, a few minutes old, spread over the accounts; their media ids. */
    private static List<String> publishMedia(AppProcess sandbox) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < ACCOUNTS; i++) {
            ids.addAll(RestAssured.given()
                    .contentType("application/json")
                    .body(Map.of(
                            "accountId",
                            "bench-" + i,
                            "mediaType",
                            "IMAGE",
                            "caption",
                            "Bench post about the recipe",
                            "ageSeconds",
                            300,
                            "count",
                            MEDIA_PER_ACCOUNT))
                    .post(sandbox.baseUrl() + "/sandbox/instagram/media")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .getList("", String.class));
        }
        return ids;
    }

    /**
     * {@code count} pending checkpoints of the project, each of its own target, on the sandbox's posts in turn: due
     * at {@code from}, or, with a {@code perSecond} rate, spread from it at that rate. Written as metrics-service's
     * planner writes them, in one statement per 50,000.
     */
    private static void insert(UUID project, List<String> media, int count, Instant from, int perSecond)
            throws java.sql.SQLException {
        String sql = """
                insert into metrics.metric_checkpoints (project_id, id, post_id, target_id, media_id, platform,
                    account_id, external_post_id, checkpoint, fire_at, due_at, format, state)
                select ?::uuid, gen_random_uuid(), gen_random_uuid(), gen_random_uuid(), gen_random_uuid(), 'instagram',
                    'bench-' || ((n / ?) % ?), (?::text[])[1 + n % ?], '15m', t, t, 'feed_image', 'pending'
                from (select n, ?::timestamptz + case when ? > 0 then make_interval(secs => n::double precision / ?)
                                                      else interval '0' end as t
                      from generate_series(?::bigint, ?::bigint) n) due
                """;
        try (Connection c = PostgresResource.database().connect();
                PreparedStatement insert = c.prepareStatement(sql)) {
            java.sql.Array ids = c.createArrayOf("text", media.toArray());
            for (int start = 0; start < count; start += 50_000) {
                int end = Math.min(count, start + 50_000) - 1;
                insert.setString(1, project.toString());
                insert.setInt(2, MEDIA_PER_ACCOUNT);
                insert.setInt(3, ACCOUNTS);
                insert.setArray(4, ids);
                insert.setInt(5, media.size());
                insert.setObject(6, java.time.OffsetDateTime.ofInstant(from, java.time.ZoneOffset.UTC));
                insert.setInt(7, perSecond);
                insert.setInt(8, Math.max(1, perSecond));
                insert.setLong(9, start);
                insert.setLong(10, end);
                insert.executeUpdate();
            }
        }
        try (Connection c = PostgresResource.database().connect();
                Statement s = c.createStatement()) {
            s.execute("analyze metrics.metric_checkpoints");
            s.execute("notify timer_metrics_metric_checkpoints");
        }
    }

    private static void awaitEnded(UUID project, long count, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (ended(project) < count) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("only " + ended(project) + " of " + count + " read in " + timeout);
            }
            Thread.sleep(250);
        }
    }

    private static long ended(UUID project) {
        return count("select count(*) from metrics.metric_checkpoints where project_id = '" + project
                + "' and state <> 'pending'");
    }

    private static String states(UUID project) {
        StringBuilder states = new StringBuilder();
        try (Connection c = PostgresResource.database().connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select state, count(*) from metrics.metric_checkpoints where project_id"
                        + " = '" + project + "' and state <> 'pending' group by state order by state")) {
            while (rs.next()) {
                states.append(rs.getString(1)).append(' ').append(rs.getLong(2)).append(' ');
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return states.toString().trim();
    }

    /** p50, p99 and the worst of how late the checkpoints due from {@code from} on were read. */
    private static String lateness(UUID project, Instant from) {
        try (Connection c = PostgresResource.database().connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select percentile_cont(0.5) within group (order by late_ms),"
                        + " percentile_cont(0.99) within group (order by late_ms), max(late_ms)"
                        + " from metrics.metric_checkpoints where project_id = '" + project + "' and due_at >= '"
                        + from + "' and due_at < '" + from.plus(Duration.ofDays(1)) + "' and late_ms is not null")) {
            rs.next();
            return String.format(
                    "p50 %.0f ms, p99 %.0f ms, max %d ms", rs.getDouble(1), rs.getDouble(2), rs.getLong(3));
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static long count(String sql) {
        return PostgresResource.database().count(sql);
    }

    private static void report(String line) {
        REPORT.line(line);
    }
}
