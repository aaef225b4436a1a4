package io.contentfactory.gateway;

import io.contentfactory.testkit.AppProcess;
import io.contentfactory.testkit.InternalTokens;
import io.contentfactory.testkit.KafkaResource;
import io.contentfactory.testkit.PostgresResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** The packaged ingest-service as its own process, on the test's database and broker, as the gateway's upstream. */
public class IngestBehindGateway implements QuarkusTestResourceLifecycleManager {

    static final Path INBOX = Path.of("target/gateway-it-inbox").toAbsolutePath();
    private static AppProcess ingest;

    @Override
    public Map<String, String> start() {
        if (ingest == null) {
            PostgresResource.TestDatabase db = PostgresResource.database();
            ingest = AppProcess.start("ingest-service", Path.of("../ingest-service"), Map.of(
                    "quarkus.datasource.jdbc.url", db.jdbcUrl(),
                    "quarkus.datasource.reactive.url", db.reactiveUrl(),
                    "factory.db.owner.username", db.user(),
                    "kafka.bootstrap.servers", KafkaResource.broker().bootstrapServers(),
                    "smallrye.jwt.verify.key.location", InternalTokens.forService("ingest-service").keyFile().toString(),
                    "factory.ingest.watch-root", INBOX.toString(),
                    "factory.ingest.storage-root", Path.of("target/gateway-it-storage").toAbsolutePath().toString(),
                    "factory.ingest.scan-interval", "300ms"), Duration.ofSeconds(90));
        }
        return Map.of("factory.gateway.upstream.media", ingest.baseUrl());
    }

    @Override
    public void stop() {
        // shared by the run; stopped at JVM exit
    }
}
