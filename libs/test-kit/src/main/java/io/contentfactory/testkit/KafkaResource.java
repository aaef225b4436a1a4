package io.contentfactory.testkit;

import io.contentfactory.contracts.Topics;
import io.contentfactory.localkafka.LocalKafkaBroker;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * A real KRaft broker in the test JVM, started once per JVM and shared by every test class,
 * with the pipeline's topics (and the dead-letter topics a test names) created with their partitions.
 *
 * <p>Use with {@code @QuarkusTestResource(KafkaResource.class)}; tests reach it through {@link #companion()}.
 */
public class KafkaResource implements QuarkusTestResourceLifecycleManager {

    private static LocalKafkaBroker broker;
    private static KafkaCompanion companion;

    private List<String> deadLetterTopics = List.of();

    @Override
    public void init(Map<String, String> initArgs) {
        String dlqs = initArgs.getOrDefault("dead-letter-topics", "");
        deadLetterTopics = dlqs.isBlank() ? List.of() : List.of(dlqs.split(","));
    }

    @Override
    public Map<String, String> start() {
        LocalKafkaBroker running = broker();
        running.createTopics(deadLetterTopics.stream()
                .map(t -> new NewTopic(t.trim(), Topics.DEAD_LETTER_PARTITIONS, (short) 1)).toList());
        return Map.of("kafka.bootstrap.servers", running.bootstrapServers());
    }

    @Override
    public void stop() {
        // The broker lives as long as the JVM: restarting it per test class would cost seconds each time.
    }

    public static synchronized LocalKafkaBroker broker() {
        if (broker == null) {
            try {
                Path dir = Files.createTempDirectory(Path.of(targetDir()), "kafka-");
                broker = new LocalKafkaBroker(dir, 0).start();
                broker.createPipelineTopics();
                Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "test-kafka-shutdown"));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return broker;
    }

    public static synchronized KafkaCompanion companion() {
        if (companion == null) {
            companion = new KafkaCompanion(broker().bootstrapServers());
        }
        return companion;
    }

    private static String targetDir() {
        Path target = Path.of("target");
        try {
            Files.createDirectories(target);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return target.toString();
    }
}
