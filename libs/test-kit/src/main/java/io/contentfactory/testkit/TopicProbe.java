package io.contentfactory.testkit;

import io.contentfactory.contracts.CloudEvent;
import io.contentfactory.contracts.EventCodec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Reads and writes raw records on a real broker, for assertions on exactly what went over the wire. */
public final class TopicProbe {

    private final String bootstrapServers;

    public TopicProbe(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    public static TopicProbe onTestBroker() {
        return new TopicProbe(KafkaResource.broker().bootstrapServers());
    }

    /** Sends a record exactly as the outbox relay does, with the structured CloudEvents content type. */
    public void send(String topic, String key, String value) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
            record.headers()
                    .add(CloudEvent.CONTENT_TYPE_HEADER, CloudEvent.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot send to " + topic, e);
        }
    }

    /** Every record the topic holds now. */
    public List<ConsumerRecord<String, String>> all(String topic) {
        return readToEnd(topic);
    }

    /** The records matching {@code match}, waiting until at least {@code count} of them exist. */
    public List<ConsumerRecord<String, String>> await(
            String topic, Predicate<ConsumerRecord<String, String>> match, int count, Duration timeout) {
        List<ConsumerRecord<String, String>> matching = new ArrayList<>();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            matching = readToEnd(topic).stream().filter(match).toList();
            if (matching.size() >= count) {
                return matching;
            }
            pause();
        }
        throw new AssertionError("expected " + count + " matching records on " + topic + " within " + timeout
                + " but found " + matching.size());
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * The distinct CloudEvent ids among the matching records. The outbox relays at least once: a relay killed between
     * the broker's ack and marking the row sent sends the same event again, with the same id, which inbox consumers
     * drop. "One event" therefore means one id, however many copies the topic holds.
     */
    public List<String> distinctEventIds(String topic, Predicate<ConsumerRecord<String, String>> match) {
        return readToEnd(topic).stream()
                .filter(match)
                .map(record -> eventId(record.value()))
                .distinct()
                .toList();
    }

    private static String eventId(String value) {
        try {
            return EventCodec.mapper().readTree(value).path("id").asText();
        } catch (java.io.IOException e) {
            throw new AssertionError("not a CloudEvent: " + value, e);
        }
    }

    public ConsumerRecord<String, String> awaitOne(
            String topic, Predicate<ConsumerRecord<String, String>> match, Duration timeout) {
        return await(topic, match, 1, timeout).get(0);
    }

    /** Reads the topic from the beginning up to the end offsets it has now. */
    private List<ConsumerRecord<String, String>> readToEnd(String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }
}
