package io.contentfactory.kit.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Not ready while a consumer waits out a database outage, with the consumers and their held events as data. */
@Readiness
@ApplicationScoped
public class ConsumersReadiness implements HealthCheck {

    private final ConsumerOutages outages;

    ConsumersReadiness(ConsumerOutages outages) {
        this.outages = outages;
    }

    @Override
    public HealthCheckResponse call() {
        Map<String, Integer> waiting = outages.waiting();
        HealthCheckResponseBuilder response =
                HealthCheckResponse.named("event consumers").status(waiting.isEmpty());
        waiting.forEach((consumer, count) -> response.withData(consumer, count + " event(s) waiting for the database"));
        return response.build();
    }
}
