package io.contentfactory.kit.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Which consumers are waiting out an outage right now (their event held, their partitions paused): readiness is
 * down while any is, so that an orchestrator sends no traffic and an operator sees why. Also a gauge per consumer.
 */
@Readiness
@ApplicationScoped
public class ConsumerOutages implements HealthCheck {

    private final Map<String, AtomicInteger> waiting = new ConcurrentHashMap<>();
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

    @Override
    public HealthCheckResponse call() {
        Map<String, Integer> now = waiting();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("event consumers").status(now.isEmpty());
        now.forEach((consumer, count) -> response.withData(consumer, count + " event(s) waiting for the database"));
        return response.build();
    }

    private AtomicInteger counter(String consumer) {
        return waiting.computeIfAbsent(consumer, name -> registry.gauge("factory.consumer.outage.waiting",
                io.micrometer.core.instrument.Tags.of("consumer", name), new AtomicInteger()));
    }
}
