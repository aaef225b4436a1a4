package io.contentfactory.kit.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Which consumers are waiting out an outage right now (their event held, their partitions paused), as a gauge per
 * consumer, and how often they tried meanwhile; {@link ConsumersReadiness} reports it.
 */
@ApplicationScoped
public class ConsumerOutages {

    private final Map<String, AtomicInteger> waiting = new ConcurrentHashMap<>();
    private volatile boolean stopping;
    private final MeterRegistry registry;

    ConsumerOutages(MeterRegistry registry) {
        this.registry = registry;
    }

    void started(String consumer) {
        counter(consumer).incrementAndGet();
    }

    /** One more try of an event held by an outage: {@code factory.consumer.outage.tries}. */
    void tried(String consumer) {
        registry.counter("factory.consumer.outage.tries", "consumer", consumer).increment();
    }

    void ended(String consumer) {
        counter(consumer).decrementAndGet();
    }

    void stopping(@jakarta.enterprise.event.Observes io.quarkus.runtime.ShutdownEvent event) {
        stopping = true;
    }

    /** Whether the service is stopping: an outage then is its own pool closing, not one to wait out. */
    boolean stopping() {
        return stopping;
    }

    /** Events held back by an outage now, by consumer. */
    public Map<String, Integer> waiting() {
        Map<String, Integer> now = new java.util.TreeMap<>();
        waiting.forEach((consumer, count) -> {
            if (count.get() > 0) {
                now.put(consumer, count.get());
            }
        });
        return now;
    }

    private AtomicInteger counter(String consumer) {
        return waiting.computeIfAbsent(
                consumer,
                name -> registry.gauge(
                        "factory.consumer.outage.waiting",
                        io.micrometer.core.instrument.Tags.of("consumer", name),
                        new AtomicInteger()));
    }
}
