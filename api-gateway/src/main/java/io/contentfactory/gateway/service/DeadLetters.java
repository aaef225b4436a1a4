package io.contentfactory.gateway.service;

import io.contentfactory.contracts.Subscriptions;
import io.contentfactory.kit.domain.DomainError;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The dead-letter topics ({@code dlq.<service>.<topic>}, one per subscription): what each holds, and its replay. A
 * replay produces each record not replayed before back to its original topic, with its key and value, so it reaches
 * the service again through its normal, idempotent path (the service's inbox applies an event once; other groups of
 * that topic have processed its id already and skip it). How far each topic was replayed is the committed offset of
 * the {@code dlq-replay} consumer group, so a record is replayed at most once. The pending counts are the gauge
 * {@code factory_dlq_pending{service,topic}}.
 */
@ApplicationScoped
public class DeadLetters {

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);
    static final String REPLAY_GROUP = "dlq-replay";
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** One dead-letter topic: whose subscription it belongs to, how many records it holds, how many wait for a replay. */
    public record Queue(String service, String topic, String deadLetterTopic, long total, long pending) {}

    /** One dead-lettered record as an operator reads it. */
    public record Letter(
            long offset,
            String key,
            String reason,
            String eventId,
            String eventType,
            Instant deadAt,
            boolean replayed,
            String value) {}

    private final String bootstrapServers;
    private final Map<String, AtomicLong> pendingGauges = new ConcurrentHashMap<>();
    private final MeterRegistry registry;
    private final Admin admin;

    DeadLetters(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers, MeterRegistry registry) {
        this.bootstrapServers = bootstrapServers;
        this.registry = registry;
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        this.admin = Admin.create(properties);
    }

    @PreDestroy
    void close() {
        admin.close(Duration.ofSeconds(5));
    }

    /** Every subscription's dead-letter topic with its counts; also refreshes the gauges. */
    @WithSpan("DeadLetters.queues")
    public List<Queue> queues() {
        List<Queue> queues = new ArrayList<>();
        try (KafkaConsumer<String, String> reader = consumer(Optional.empty())) {
            for (Subscriptions.Subscription subscription : Subscriptions.ALL) {
                queues.add(queue(reader, subscription));
            }
        }
        queues.forEach(queue -> gauge(queue).set(queue.pending()));
        return queues;
    }

    /** The queues of one service, or of one of its subscriptions. */
    @WithSpan("DeadLetters.queues")
    public List<Queue> queues(String service, Optional<String> topic) {
        List<Queue> found = queues().stream()
                .filter(queue -> queue.service().equals(service)
                        && topic.map(queue.topic()::equals).orElse(true))
                .toList();
        if (found.isEmpty()) {
            throw new DomainError.NotFound(
                    "dead-letter topic", service + topic.map(t -> " " + t).orElse(""));
        }
        return found;
    }

    /** The records of one dead-letter topic, oldest first, at most {@code limit}. */
    @WithSpan("DeadLetters.letters")
    public List<Letter> letters(String service, String topic, int limit) {
        Queue queue = queues(service, Optional.of(topic)).getFirst();
        TopicPartition partition = new TopicPartition(queue.deadLetterTopic(), 0);
        List<Letter> letters = new ArrayList<>();
        try (KafkaConsumer<String, String> reader = consumer(Optional.empty())) {
            long replayedUpTo = replayedOffset(partition);
            readAll(reader, partition, beginning(reader, partition), record -> {
                if (letters.size() < limit) {
                    letters.add(letter(record, record.offset() < replayedUpTo));
                }
            });
        }
        return letters;
    }

    /** Produces every record of the topic not replayed yet back to its original topic; answers how many. */
    @WithSpan("DeadLetters.replay")
    public long replay(String service, String topic) {
        Queue queue = queues(service, Optional.of(topic)).getFirst();
        TopicPartition partition = new TopicPartition(queue.deadLetterTopic(), 0);
        long[] sent = {0};
        try (KafkaConsumer<String, String> replayer = consumer(Optional.of(REPLAY_GROUP));
                KafkaProducer<String, String> producer = producer()) {
            long from = Math.max(replayedOffset(partition), beginning(replayer, partition));
            long end = readAll(replayer, partition, from, record -> {
                ProducerRecord<String, String> again =
                        new ProducerRecord<>(queue.topic(), record.key(), record.value());
                again.headers()
                        .add(
                                "factory-replayed-from",
                                (queue.deadLetterTopic() + "@" + record.offset()).getBytes(StandardCharsets.UTF_8));
                producer.send(again);
                sent[0]++;
            });
            producer.flush();
            replayer.commitSync(Map.of(partition, new OffsetAndMetadata(end)), TIMEOUT);
        }
        LOG.infof("replayed %d record(s) of %s to %s", sent[0], queue.deadLetterTopic(), queue.topic());
        queues();
        return sent[0];
    }

    private Queue queue(KafkaConsumer<String, String> reader, Subscriptions.Subscription subscription) {
        TopicPartition partition = new TopicPartition(subscription.deadLetterTopic(), 0);
        long begin = beginning(reader, partition);
        long end = reader.endOffsets(List.of(partition), TIMEOUT).getOrDefault(partition, 0L);
        long replayed = Math.max(replayedOffset(partition), begin);
        return new Queue(
                subscription.consumerGroup(),
                subscription.topic(),
                subscription.deadLetterTopic(),
                end - begin,
                Math.max(0, end - replayed));
    }

    private long replayedOffset(TopicPartition partition) {
        try {
            OffsetAndMetadata offset = admin.listConsumerGroupOffsets(REPLAY_GROUP)
                    .partitionsToOffsetAndMetadata()
                    .get()
                    .get(partition);
            return offset == null ? 0 : offset.offset();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(
                    "cannot read the replay offsets: " + e.getCause().getMessage(), e);
        }
    }

    private static long beginning(KafkaConsumer<String, String> consumer, TopicPartition partition) {
        return consumer.beginningOffsets(List.of(partition), TIMEOUT).getOrDefault(partition, 0L);
    }

    /** Reads the partition from {@code from} to its end as it is now; answers that end. */
    private static long readAll(
            KafkaConsumer<String, String> consumer,
            TopicPartition partition,
            long from,
            java.util.function.Consumer<ConsumerRecord<String, String>> each) {
        long end = consumer.endOffsets(List.of(partition), TIMEOUT).getOrDefault(partition, 0L);
        if (from >= end) {
            return end;
        }
        consumer.assign(List.of(partition));
        consumer.seek(partition, from);
        Instant deadline = Instant.now().plus(TIMEOUT);
        long next = from;
        while (next < end) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("could not read " + partition + " up to offset " + end + " in time");
            }
            for (ConsumerRecord<String, String> record : consumer.poll(POLL)) {
                if (record.offset() < end) {
                    each.accept(record);
                }
                next = record.offset() + 1;
            }
        }
        return end;
    }

    private static Letter letter(ConsumerRecord<String, String> record, boolean replayed) {
        String eventId = null;
        String eventType = null;
        try {
            var json = io.contentfactory.contracts.EventCodec.mapper().readTree(record.value());
            eventId = json.path("id").isTextual() ? json.get("id").asText() : null;
            eventType = json.path("type").isTextual() ? json.get("type").asText() : null;
        } catch (Exception notJson) {
            // A poison record may not be JSON at all; it is shown as it is.
        }
        return new Letter(
                record.offset(),
                record.key(),
                header(record, "dead-letter-reason"),
                eventId,
                eventType,
                Instant.ofEpochMilli(record.timestamp()),
                replayed,
                record.value());
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private AtomicLong gauge(Queue queue) {
        return pendingGauges.computeIfAbsent(queue.deadLetterTopic(), name -> {
            AtomicLong pending = new AtomicLong();
            Gauge.builder("factory.dlq.pending", pending, AtomicLong::get)
                    .description("dead-lettered records not replayed yet")
                    .tag("service", queue.service())
                    .tag("topic", queue.topic())
                    .register(registry);
            return pending;
        });
    }

    private KafkaConsumer<String, String> consumer(Optional<String> group) {
        Map<String, Object> properties = new HashMap<>();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, group.orElse("dlq-reader-" + UUID.randomUUID()));
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        return new KafkaConsumer<>(properties);
    }

    private KafkaProducer<String, String> producer() {
        Map<String, Object> properties = new HashMap<>();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        return new KafkaProducer<>(properties);
    }
}
