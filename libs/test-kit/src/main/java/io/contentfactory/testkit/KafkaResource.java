package io.contentfactory.testkit;

import io.contentfactory.localkafka.LocalKafkaBroker;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A real KRaft broker in the test JVM, started once per JVM and shared by every test class, with the pipeline's
 * topics and dead-letter topics created with their partitions.
 *
 * <p>Use with {@code @QuarkusTestResource(KafkaResource.class)}; tests read and write records with
 * {@link TopicProbe#onTestBroker()}.
 */
public class KafkaResource implements QuarkusTestResourceLifecycleManager {

    private static LocalKafkaBroker broker;

    @Override
    public Map<String, String> start() {
        return Map.of("kafka.bootstrap.servers", broker().bootstrapServers());
    }

    @Override
    public void stop() {
        // The broker lives as long as the JVM: restarting it per test class would cost seconds each time.
    }

    public static synchronized LocalKafkaBroker broker() {
        if (broker == null) {
            try {
                Path target = Files.createDirectories(Path.of("target"));
                broker = new LocalKafkaBroker(Files.createTempDirectory(target, "kafka-"), 0).start();
                broker.createPipelineTopics();
                Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "test-kafka-shutdown"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return broker;
    }
}
