package io.contentfactory.gateway;

import io.contentfactory.testkit.AppProcess;
import io.contentfactory.testkit.InternalTokens;
import io.contentfactory.testkit.KafkaResource;
import io.contentfactory.testkit.PostgresResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The packaged services that own public routes (ingest-service, publisher-service, scheduler-service, with
 * analysis-service between ingest and the scheduler, metrics-service and coach-service), each as its own process on the
 * test's database and broker, as the gateway's upstreams.
 */
public class ServicesBehindGateway implements QuarkusTestResourceLifecycleManager {

    private static final String IMPORT_SOURCE_PORT = "content-factory.test.gateway-import-source.port";
    private static final String ANALYSIS_TO_INGEST = "Z2F0ZXdheS1pdC1hbmFseXNpcy10by1pbmdlc3Qta2V5";
    private static final String PUBLISHER_TO_INGEST = "Z2F0ZXdheS1pdC1wdWJsaXNoZXItdG8taW5nZXN0LWtleQ";
    private static final String SCHEDULER_TO_INGEST = "Z2F0ZXdheS1pdC1zY2hlZHVsZXItdG8taW5nZXN0LWtleQ";
    private static final String METRICS_TO_PUBLISHER = "Z2F0ZXdheS1pdC1tZXRyaWNzLXRvLXB1Ymxpc2hlci1rZXk";
    private static final String COACH_TO_PUBLISHER = "Z2F0ZXdheS1pdC1jb2FjaC10by1wdWJsaXNoZXIta2V5";
    static final Path INBOX = Path.of("target/gateway-it-inbox").toAbsolutePath();
    private static AppProcess ingest;
    private static AppProcess publisher;
    private static AppProcess analysis;
    private static AppProcess scheduler;
    private static AppProcess metrics;
    private static AppProcess coach;

    @Override
    public Map<String, String> start() {
        if (ingest == null) {
            ingest = AppProcess.start(
                    "ingest-service",
                    Path.of("../ingest-service"),
                    with(
                            common("ingest-service"),
                            Map.of(
                                    "factory.ingest.watch-root",
                                    INBOX.toString(),
                                    "factory.ingest.storage-root",
                                    Path.of("target/gateway-it-storage")
                                            .toAbsolutePath()
                                            .toString(),
                                    "factory.ingest.scan-interval",
                                    "1s",
                                    "factory.ingest.asset-urls.signing-key",
                                    "Z2F0ZXdheS1pdC1hc3NldC11cmwta2V5LW5vdC1mb3ItcHJvZHVjdGlvbg==",
                                    "factory.ingest.internal.publisher-service-key",
                                    PUBLISHER_TO_INGEST,
                                    "factory.ingest.internal.analysis-service-key",
                                    ANALYSIS_TO_INGEST,
                                    "factory.ingest.internal.scheduler-service-key",
                                    SCHEDULER_TO_INGEST,
                                    "factory.ingest.importing.trusted-origins",
                                    importSourceUrl(""))),
                    Duration.ofSeconds(90));
            // Media comes from ingest-service's asset URLs (plain http here); no platform is reachable: jobs that pass
            // the preflight just stay queued or fail retryably.
            publisher = AppProcess.start(
                    "publisher-service",
                    Path.of("../publisher-service"),
                    with(
                            common("publisher-service"),
                            Map.of(
                                    "factory.token-encryption.keys",
                                    "k1:dGVzdC1vbmx5LWdhdGV3YXktaXQta2V5LTAxMjM0NTY=",
                                    "factory.token-encryption.active-key",
                                    "k1",
                                    "factory.publisher.assets.origins",
                                    ingest.baseUrl(),
                                    "factory.ingest-client.base-url",
                                    ingest.baseUrl(),
                                    "factory.ingest-client.call-key",
                                    PUBLISHER_TO_INGEST,
                                    "factory.publisher.assets.require-https",
                                    "false",
                                    "factory.publisher.instagram.base-url",
                                    "http://127.0.0.1:9",
                                    "factory.publisher.retry.initial-backoff",
                                    "PT10M",
                                    "factory.publisher.internal.metrics-service-key",
                                    METRICS_TO_PUBLISHER,
                                    "factory.publisher.internal.coach-service-key",
                                    COACH_TO_PUBLISHER)),
                    Duration.ofSeconds(90));
        }
        if (scheduler == null) {
            // Media reaches the scheduler's catalog as in production: ingested, analysed, then media.analyzed.
            analysis = AppProcess.start(
                    "analysis-service",
                    Path.of("../analysis-service"),
                    with(
                            common("analysis-service"),
                            Map.of(
                                    "factory.analysis.work-dir",
                                            Path.of("target/gateway-it-analysis")
                                                    .toAbsolutePath()
                                                    .toString(),
                                    "factory.ingest-client.base-url", ingest.baseUrl(),
                                    "factory.ingest-client.call-key", ANALYSIS_TO_INGEST)),
                    Duration.ofSeconds(90));
            scheduler = AppProcess.start(
                    "scheduler-service",
                    Path.of("../scheduler-service"),
                    with(
                            common("scheduler-service"),
                            Map.of(
                                    "factory.ingest-client.base-url",
                                    ingest.baseUrl(),
                                    "factory.ingest-client.call-key",
                                    SCHEDULER_TO_INGEST)),
                    Duration.ofSeconds(90));
        }
        if (metrics == null) {
            // Published posts' checkpoints; no platform is reachable, and a post by hand without a connection is
            // unmeasurable at once.
            metrics = AppProcess.start(
                    "metrics-service",
                    Path.of("../metrics-service"),
                    with(
                            common("metrics-service"),
                            Map.of(
                                    "factory.metrics.publisher.base-url",
                                    publisher.baseUrl(),
                                    "factory.metrics.publisher.call-key",
                                    METRICS_TO_PUBLISHER,
                                    "factory.metrics.instagram.base-url",
                                    "http://127.0.0.1:9",
                                    "factory.metrics.minute",
                                    "PT0.01S")),
                    Duration.ofSeconds(90));
        }
        if (coach == null) {
            // Coach summaries of the tenants' analysed media, asked for on demand.
            coach = AppProcess.start(
                    "coach-service",
                    Path.of("../coach-service"),
                    with(
                            common("coach-service"),
                            Map.of(
                                    "factory.coach.publisher.base-url",
                                    publisher.baseUrl(),
                                    "factory.coach.publisher.call-key",
                                    COACH_TO_PUBLISHER)),
                    Duration.ofSeconds(90));
        }
        return Map.ofEntries(
                Map.entry("factory.gateway.upstream.media", ingest.baseUrl()),
                Map.entry("factory.gateway.upstream.media-analysis", analysis.baseUrl()),
                Map.entry("factory.gateway.upstream.analysis-settings", analysis.baseUrl()),
                Map.entry("factory.gateway.upstream.connections", publisher.baseUrl()),
                Map.entry("factory.gateway.upstream.publish-jobs", publisher.baseUrl()),
                Map.entry("factory.gateway.upstream.posts", scheduler.baseUrl()),
                Map.entry("factory.gateway.upstream.calendar", scheduler.baseUrl()),
                Map.entry("factory.gateway.upstream.posts-metrics", metrics.baseUrl()),
                Map.entry("factory.gateway.upstream.media-metrics", metrics.baseUrl()),
                Map.entry("factory.gateway.upstream.posts-targets-metrics", metrics.baseUrl()),
                Map.entry("factory.gateway.upstream.metrics", metrics.baseUrl()),
                Map.entry("factory.gateway.upstream.posts-comments", metrics.baseUrl()),
                Map.entry("factory.gateway.upstream.accounts-baseline", metrics.baseUrl()),
                Map.entry("factory.gateway.upstream.accounts-model", coach.baseUrl()),
                Map.entry("factory.gateway.upstream.media-coach-summary", coach.baseUrl()),
                Map.entry("factory.gateway.upstream.insights", coach.baseUrl()),
                Map.entry("factory.gateway.upstream.creative-briefs", coach.baseUrl()),
                Map.entry("factory.gateway.upstream.derivative-plans", coach.baseUrl()),
                Map.entry("factory.gateway.upstream.patterns", coach.baseUrl()));
    }

    /**
     * A URL of the local media source that imports through the gateway may fetch, the one origin ingest-service is
     * configured to trust. Started once per JVM; the port is a system property because test resources and tests are
     * loaded by different class loaders.
     */
    static synchronized String importSourceUrl(String path) {
        String port = System.getProperty(IMPORT_SOURCE_PORT);
        if (port == null) {
            try {
                com.sun.net.httpserver.HttpServer server =
                        com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
                byte[] jpeg = io.contentfactory.testkit.TestMedia.jpeg(48, 36);
                server.createContext("/", exchange -> {
                    exchange.getResponseHeaders().set("Content-Type", "image/jpeg");
                    exchange.sendResponseHeaders(200, jpeg.length);
                    exchange.getResponseBody().write(jpeg);
                    exchange.close();
                });
                server.start();
                port = Integer.toString(server.getAddress().getPort());
                System.setProperty(IMPORT_SOURCE_PORT, port);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return "http://127.0.0.1:" + port + path;
    }

    private static Map<String, String> common(String service) {
        PostgresResource.TestDatabase db = PostgresResource.database();
        return Map.of(
                "quarkus.datasource.jdbc.url", db.jdbcUrl(),
                "quarkus.datasource.reactive.url", db.reactiveUrl(),
                "factory.db.owner.username", db.user(),
                "kafka.bootstrap.servers", KafkaResource.broker().bootstrapServers(),
                "smallrye.jwt.verify.key.location",
                        InternalTokens.forService(service).keyFile().toString());
    }

    private static Map<String, String> with(Map<String, String> common, Map<String, String> own) {
        Map<String, String> all = new HashMap<>(common);
        all.putAll(own);
        return all;
    }

    @Override
    public void stop() {
        // shared by the run; stopped at JVM exit
    }
}
