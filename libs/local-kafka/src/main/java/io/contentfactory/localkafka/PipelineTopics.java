package io.contentfactory.localkafka;

import io.contentfactory.contracts.Subscriptions;
import io.contentfactory.contracts.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/** Creates the pipeline's topics and dead-letter topics with their partition counts; existing ones are left alone. */
public final class PipelineTopics {

    private PipelineTopics() {}

    public static List<NewTopic> all(short replicationFactor) {
        List<NewTopic> topics = new ArrayList<>();
        Topics.ALL.forEach(t -> topics.add(new NewTopic(t.name(), t.partitions(), replicationFactor)));
        Subscriptions.ALL.forEach(
                s -> topics.add(new NewTopic(s.deadLetterTopic(), Topics.DEAD_LETTER_PARTITIONS, replicationFactor)));
        return topics;
    }

    public static void create(Admin admin, List<NewTopic> topics) {
        for (NewTopic topic : topics) {
            try {
                admin.createTopics(Set.of(topic)).all().get(30, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new IllegalStateException("cannot create topic " + topic.name(), e.getCause());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (TimeoutException e) {
                throw new IllegalStateException("creating topic " + topic.name() + " timed out", e);
            }
        }
    }

    /** {@code PipelineTopics <bootstrap-servers> [replication-factor]}: for clusters that are not started by us. */
    public static void main(String[] args) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, args.length > 0 ? args[0] : "localhost:9092");
        short replication = args.length > 1 ? Short.parseShort(args[1]) : 1;
        try (Admin admin = Admin.create(props)) {
            create(admin, all(replication));
        }
        System.out.println("pipeline topics ready");
    }
}
