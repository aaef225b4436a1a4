package io.contentfactory.publisher;

import io.contentfactory.contracts.EventCodec;
import io.contentfactory.contracts.Topics;
import io.contentfactory.contracts.events.CaptionParts;
import io.contentfactory.contracts.events.MediaType;
import io.contentfactory.contracts.events.Platform;
import io.contentfactory.contracts.events.PostDue;
import io.contentfactory.contracts.events.PostFormat;
import io.contentfactory.testkit.AppProcess;
import io.contentfactory.testkit.Autovacuum;
import io.contentfactory.testkit.BenchReport;
import io.contentfactory.testkit.HeapSampler;
import io.contentfactory.testkit.InternalTokens;
import io.contentfactory.testkit.KafkaResource;
import io.contentfactory.testkit.PostgresResource;
import io.restassured.RestAssured;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * Publishes per second against the Instagram sandbox with no processing delay, and how many jobs poll at once when
 * every container processes for 2 s, with the publisher in its own JVM capped at 512 MB of heap. Reports figures; it
 * asserts nothing about time. Run with {@code ./mvnw -Pbench -pl publisher-service test} after a full build.
 */
class PublishBench {

    private static final int ACCOUNTS = 20;
    /** Enough publishes for the JIT compilers to settle: over the first 5,000 they take a third of the machine. */
    private static final int WARMUP = Integer.getInteger("bench.warmup", 20000);

    private static final int THROUGHPUT_POSTS = Integer.getInteger("bench.posts", 6000);
    private static final int POLLING_POSTS = Integer.getInteger("bench.polling", 2000);
    private static final int LONG_PROCESSING_MS = Integer.getInteger("bench.long-processing-ms", 40_000);
    private static final BenchReport REPORT = new BenchReport(Path.of("target/publish-bench.txt"));

    @Test
    void publishThroughputAndConcurrentPolling() throws Exception {
        Map<String, String> media = new MediaServer().start();
        Map<String, String> sandboxProperties = new HashMap<>(Map.of(
                "sandbox.instagram.image-processing",
                "PT0S",
                "sandbox.instagram.video-processing",
                "PT0S",
                "sandbox.instagram.publish-limit",
                "100000000"));
        for (int i = 0; i < ACCOUNTS; i++) {
            sandboxProperties.put("sandbox.instagram.accounts.fast-" + i, "token-fast-" + i);
            sandboxProperties.put("sandbox.instagram.accounts.slow-" + i, "token-slow-" + i);
            sandboxProperties.put("sandbox.instagram.accounts.long-" + i, "token-long-" + i);
        }
        try (AppProcess sandbox = AppProcess.start(
                        "platform-sandbox",
                        Path.of("../platform-sandbox"),
                        sandboxProperties,
                        sandboxJvm(),
                        Duration.ofSeconds(90));
                AppProcess publisher = AppProcess.start(
                        "publisher-service",
                        Path.of("."),
                        publisherProperties(sandbox, media),
                        publisherJvm(),
                        Duration.ofSeconds(90));
                KafkaProducer<String, String> producer = producer();
                Autovacuum autovacuum = new Autovacuum("publisher.publish_jobs, publisher.outbox, publisher.inbox")) {
            UUID project = UUID.randomUUID();
            for (int i = 0; i < ACCOUNTS; i++) {
                connect(publisher, project, "fast-" + i);
                connect(publisher, project, "slow-" + i);
                connect(publisher, project, "long-" + i);
                processing(sandbox, "slow-" + i, 2_000);
                processing(sandbox, "long-" + i, LONG_PROCESSING_MS);
            }

            send(producer, project, "fast-", WARMUP);
            awaitPublished("fast-", WARMUP, Duration.ofMinutes(10));
            CpuShares cpu = new CpuShares(publisher, sandbox);
            System.out.println("BENCH warmed up; measuring from " + Instant.now());
            Instant start = Instant.now();
            send(producer, project, "fast-", THROUGHPUT_POSTS);
            Instant sent = Instant.now();
            awaitPublished("fast-", WARMUP + THROUGHPUT_POSTS, Duration.ofMinutes(5));
            double seconds = Duration.between(start, Instant.now()).toMillis() / 1000.0;
            report(String.format(
                    "throughput: %d publishes in %.1f s = %.0f publishes/s (events sent in %.1f s; jobs created over %.1f s), 0 s processing",
                    THROUGHPUT_POSTS,
                    seconds,
                    THROUGHPUT_POSTS / seconds,
                    Duration.between(start, sent).toMillis() / 1000.0,
                    count(
                                    "select (extract(epoch from max(created_at) - min(created_at)) * 1000)::bigint from publisher.publish_jobs"
                                            + " where account_id like 'fast-%' and created_at >= '" + start + "'")
                            / 1000.0));
            report("CPU per publish over that run: " + cpu.perPublish(THROUGHPUT_POSTS));
            requireEachPublishedOnce(sandbox, "fast-", WARMUP + THROUGHPUT_POSTS);

            Sampler sampler = new Sampler(publisher);
            Instant pollingStart = Instant.now();
            send(producer, project, "slow-", POLLING_POSTS);
            sampler.until(() -> published("slow-") >= POLLING_POSTS, Duration.ofMinutes(5));
            report(String.format(
                    "polling: %d jobs with 2 s processing done in %.1f s; at most %d polling at once; heap peak %d MB of 512 MB",
                    POLLING_POSTS,
                    Duration.between(pollingStart, Instant.now()).toMillis() / 1000.0,
                    sampler.maxPolling,
                    sampler.maxHeap() / (1024 * 1024)));

            // With 2 s of processing, jobs finish about as fast as post.due arrives; a long processing time shows how
            // many the publisher can keep polling at once.
            Sampler capacity = new Sampler(publisher);
            Instant capacityStart = Instant.now();
            send(producer, project, "long-", POLLING_POSTS);
            capacity.until(() -> published("long-") >= POLLING_POSTS, Duration.ofMinutes(5));
            report(String.format(
                    "polling capacity: %d jobs with %d s processing done in %.1f s; at most %d polling at once; heap peak %d MB of 512 MB",
                    POLLING_POSTS,
                    LONG_PROCESSING_MS / 1000,
                    Duration.between(capacityStart, Instant.now()).toMillis() / 1000.0,
                    capacity.maxPolling,
                    capacity.maxHeap() / (1024 * 1024)));
        }
    }

    /** 512 MB of heap; {@code -Dbench.jfr=true} records a JFR profile of the publisher to target/publisher.jfr. */
    private static List<String> publisherJvm() {
        List<String> options = new java.util.ArrayList<>(List.of("-Xmx512m", "-XX:+UseParallelGC"));
        if (Boolean.getBoolean("bench.jfr")) {
            options.add("-XX:FlightRecorderOptions:stackdepth=256");
            options.add("-XX:StartFlightRecording=filename="
                    + Path.of("target/publisher.jfr").toAbsolutePath() + ",settings=profile");
        }
        // Options to compare, for example -Dbench.publisher.options=-Dquarkus.vertx.event-loops-pool-size=1
        java.util.Arrays.stream(
                        System.getProperty("bench.publisher.options", "").split("\\s+"))
                .filter(o -> !o.isBlank())
                .forEach(options::add);
        return options;
    }

    /** {@code -Dbench.jfr=true} records the sandbox too, to target/sandbox.jfr. */
    private static List<String> sandboxJvm() {
        List<String> options = new java.util.ArrayList<>(List.of("-Xmx1g", "-XX:+UseParallelGC"));
        if (Boolean.getBoolean("bench.jfr")) {
            options.add("-XX:FlightRecorderOptions:stackdepth=256");
            options.add("-XX:StartFlightRecording=filename="
                    + Path.of("target/sandbox.jfr").toAbsolutePath() + ",settings=profile");
        }
        return options;
    }

    private static Map<String, String> publisherProperties(AppProcess sandbox, Map<String, String> media) {
        PostgresResource.TestDatabase db = PostgresResource.database();
        Map<String, String> properties = new HashMap<>(media);
        properties.putAll(Map.of(
                "quarkus.datasource.jdbc.url", db.jdbcUrl(),
                "quarkus.datasource.reactive.url", db.reactiveUrl(),
                "factory.db.owner.username", db.user(),
                "kafka.bootstrap.servers", KafkaResource.broker().bootstrapServers(),
                "smallrye.jwt.verify.key.location",
                        InternalTokens.forService("publisher-service").keyFile().toString(),
                "factory.token-encryption.keys", "k1:YmVuY2gtb25seS10b2tlbi1rZXktMDEyMzQ1Njc4OWE=",
                "factory.token-encryption.active-key", "k1",
                "factory.publisher.instagram.base-url", sandbox.baseUrl(),
                "factory.publisher.assets.require-https", "false"));
        properties.put("quarkus.log.category.\"io.contentfactory\".level", "WARN");
        properties.put("factory.publisher.instagram.poll.attempts", "120");
        return properties;
    }

    /** Speed means nothing if a post went out twice: the sandbox must hold exactly one post per published job. */
    private static void requireEachPublishedOnce(AppProcess sandbox, String accounts, int jobs)
            throws java.io.IOException {
        List<String> accountsOfPosts = RestAssured.get(sandbox.baseUrl() + "/sandbox/instagram/media")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("accountId");
        long posts = accountsOfPosts.stream()
                .filter(account -> account.startsWith(accounts))
                .count();
        if (posts != jobs || published(accounts) != jobs) {
            throw new IllegalStateException(
                    posts + " sandbox posts for " + published(accounts) + " published jobs; expected " + jobs);
        }
        report("each of the " + jobs + " published jobs is exactly one post on the sandbox");
    }

    private static void processing(AppProcess sandbox, String account, int millis) {
        RestAssured.given()
                .contentType("application/json")
                .body(Map.of("accountId", account, "millis", millis))
                .post(sandbox.baseUrl() + "/sandbox/instagram/processing")
                .then()
                .statusCode(204);
    }

    private static void connect(AppProcess publisher, UUID project, String account) {
        RestAssured.given()
                .auth()
                .oauth2(InternalTokens.forService("publisher-service").valid(project, "read", "write"))
                .contentType("application/json")
                .body(Map.of("platform", "instagram", "accountId", account, "accessToken", "token-" + account))
                .post(publisher.baseUrl() + "/v1/connections")
                .then()
                .statusCode(201);
    }

    private static void send(KafkaProducer<String, String> producer, UUID project, String accounts, int count) {
        for (int i = 0; i < count; i++) {
            PostDue due = new PostDue(
                    UUID.randomUUID(),
                    UUID.randomUUID(),
                    UUID.randomUUID(),
                    Platform.INSTAGRAM,
                    accounts + (i % ACCOUNTS),
                    PostFormat.FEED_IMAGE,
                    MediaType.IMAGE,
                    MediaServer.url("cover.jpg"),
                    "image/jpeg",
                    new CaptionParts("Bench post " + i, null, List.of("bench")),
                    Instant.now());
            producer.send(new ProducerRecord<>(
                    Topics.POST_DUE,
                    due.postId().toString(),
                    EventCodec.toJson(EventCodec.envelope(UUID.randomUUID(), "/bench", project, Instant.now(), due))));
        }
        producer.flush();
    }

    private static void awaitPublished(String accounts, int count, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (published(accounts) < count) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(
                        "only " + published(accounts) + " of " + count + " published in " + timeout);
            }
            Thread.sleep(250);
        }
    }

    private static long published(String accounts) {
        return count("select count(*) from publisher.publish_jobs where status = 'published' and account_id like '"
                + accounts + "%'");
    }

    static long count(String sql) {
        return PostgresResource.database().count(sql);
    }

    private static KafkaProducer<String, String> producer() {
        Properties config = new Properties();
        config.put(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaResource.broker().bootstrapServers());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        return new KafkaProducer<>(config);
    }

    private static void report(String line) {
        REPORT.line(line);
    }

    /**
     * The CPU time each process of the run spends, read from the operating system: the publisher, the sandbox, this
     * JVM (the Kafka broker, the media server, the producer) and PostgreSQL's processes (where this user may see them).
     */
    private static final class CpuShares {
        private final AppProcess publisher;
        private final AppProcess sandbox;
        private final Map<String, Duration> start;
        private final long startTransactions;

        CpuShares(AppProcess publisher, AppProcess sandbox) {
            this.publisher = publisher;
            this.sandbox = sandbox;
            this.start = now();
            this.startTransactions = transactions();
        }

        /** Transactions the bench database has ended; PostgreSQL's statistics lag by up to a second. */
        private static long transactions() {
            return count("select xact_commit + xact_rollback from pg_stat_database where datname = current_database()");
        }

        private Map<String, Duration> now() {
            Map<String, Duration> times = new java.util.LinkedHashMap<>();
            times.put("publisher", publisher.cpuTime());
            times.put("sandbox", sandbox.cpuTime());
            times.put(
                    "test JVM (Kafka, media)",
                    ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO));
            times.put(
                    "PostgreSQL",
                    ProcessHandle.allProcesses()
                            .filter(process -> process.info()
                                    .command()
                                    .map(command -> command.contains("postgres"))
                                    .orElse(false))
                            .map(process -> process.info().totalCpuDuration().orElse(Duration.ZERO))
                            .reduce(Duration.ZERO, Duration::plus));
            return times;
        }

        String perPublish(int publishes) {
            Map<String, Duration> end = now();
            StringBuilder line = new StringBuilder();
            double total = 0;
            for (var entry : end.entrySet()) {
                double millis =
                        (entry.getValue().toNanos() - start.get(entry.getKey()).toNanos()) / 1e6 / publishes;
                total += millis;
                line.append(String.format("%s %.2f ms, ", entry.getKey(), millis));
            }
            double transactions = (double) (transactions() - startTransactions) / publishes;
            return line.append(
                            String.format("all %.2f ms; %.1f PostgreSQL transactions per publish", total, transactions))
                    .toString();
        }
    }

    /** Samples the jobs polling at once (status processing) with the publisher's used heap, every 100 ms. */
    private static final class Sampler {
        private final HeapSampler heap;
        long maxPolling;

        Sampler(AppProcess publisher) {
            this.heap = new HeapSampler(publisher);
        }

        void until(java.util.function.BooleanSupplier done, Duration timeout) throws Exception {
            heap.until(
                    done,
                    timeout,
                    () -> maxPolling = Math.max(
                            maxPolling,
                            count("select count(*) from publisher.publish_jobs where status = 'processing'")));
        }

        long maxHeap() {
            return heap.maxHeap();
        }
    }
}
