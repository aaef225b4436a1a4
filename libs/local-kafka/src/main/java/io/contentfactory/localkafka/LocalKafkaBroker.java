package io.contentfactory.localkafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * One Kafka node in KRaft mode that is broker and controller at once.
 *
 * <p>Used in the JVM by the test resources and as a process of its own by {@code bin/factory}
 * (see {@link #main(String[])}). The storage is formatted on first start and reused afterwards,
 * so a local stack keeps its events across restarts.
 */
public final class LocalKafkaBroker implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(LocalKafkaBroker.class.getName());
    private static final String CONTROLLER_LISTENER = "CONTROLLER";

    private final Path dataDir;
    private final int brokerPort;
    private final int controllerPort;
    private KafkaRaftServer server;

    public LocalKafkaBroker(Path dataDir, int brokerPort) {
        this.dataDir = dataDir;
        this.brokerPort = brokerPort == 0 ? freePort() : brokerPort;
        this.controllerPort = freePort();
    }

    public String bootstrapServers() {
        return "localhost:" + brokerPort;
    }

    public LocalKafkaBroker start() {
        Properties props = brokerProperties();
        KafkaConfig config = KafkaConfig.fromProps(props, false);
        formatIfNew(config);
        server = new KafkaRaftServer(config, Time.SYSTEM);
        server.startup();
        awaitReady(Duration.ofSeconds(60));
        return this;
    }

    /** Creates every pipeline topic and every dead-letter topic; existing topics are left as they are. */
    public void createPipelineTopics() {
        createTopics(PipelineTopics.all((short) 1));
    }

    public void createTopics(Collection<NewTopic> topics) {
        try (Admin admin = admin()) {
            PipelineTopics.create(admin, List.copyOf(topics));
        }
    }

    public Admin admin() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        return Admin.create(props);
    }

    @Override
    public void close() {
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
            server = null;
        }
    }

    private Properties brokerProperties() {
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", "1");
        props.put("controller.quorum.voters", "1@localhost:" + controllerPort);
        props.put(
                "listeners",
                "PLAINTEXT://localhost:" + brokerPort + "," + CONTROLLER_LISTENER + "://localhost:" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://localhost:" + brokerPort);
        props.put("controller.listener.names", CONTROLLER_LISTENER);
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("log.dirs", dataDir.resolve("logs").toString());
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "10");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        props.put("num.partitions", "1");
        props.put("auto.create.topics.enable", "true");
        props.put("log.flush.interval.messages", "1");
        return props;
    }

    private void formatIfNew(KafkaConfig config) {
        Path logs = dataDir.resolve("logs");
        if (Files.exists(logs.resolve("meta.properties"))) {
            // A reused directory records no controller port, so a fresh free port each start is fine.
            return;
        }
        try {
            Files.createDirectories(logs);
            new Formatter()
                    .setClusterId(Uuid.randomUuid().toString())
                    .setNodeId(1)
                    .setDirectories(List.of(logs.toString()))
                    .setMetadataLogDirectory(config.metadataLogDir())
                    .setControllerListenerName(CONTROLLER_LISTENER)
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .setIgnoreFormatted(true)
                    .setPrintStream(System.out)
                    .run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot format Kafka storage in " + logs, e);
        }
    }

    private void awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        try (Admin admin = admin()) {
            while (true) {
                try {
                    if (!admin.describeCluster()
                            .nodes()
                            .get(2, TimeUnit.SECONDS)
                            .isEmpty()) {
                        return;
                    }
                } catch (Exception e) {
                    if (Instant.now().isAfter(deadline)) {
                        throw new IllegalStateException("Kafka did not become ready on " + bootstrapServers(), e);
                    }
                }
            }
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs a broker until the process is stopped: {@code LocalKafkaBroker <data-dir> <port>}.
     * Prints {@code KAFKA READY <bootstrap>} once topics exist, which {@code bin/factory} waits for.
     */
    public static void main(String[] args) throws InterruptedException {
        Path dir = Path.of(args.length > 0 ? args[0] : ".factory/kafka");
        int port = args.length > 1 ? Integer.parseInt(args[1]) : 9092;
        LocalKafkaBroker broker = new LocalKafkaBroker(dir, port).start();
        broker.createPipelineTopics();
        Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "kafka-shutdown"));
        LOG.info("KAFKA READY " + broker.bootstrapServers());
        System.out.println("KAFKA READY " + broker.bootstrapServers());
        Thread.currentThread().join();
    }
}
