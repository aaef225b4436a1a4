package io.contentfactory.ingest.api;

import io.contentfactory.auth.ServiceCallTokens;
import io.contentfactory.ingest.config.IngestConfig;
import io.contentfactory.kit.ServiceConfig;
import io.contentfactory.kit.calls.ServiceCallVerifier;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The services that may call this one's internal routes, each proven by the pair key it shares with ingest-service. */
@ApplicationScoped
class InternalCallers {

    private final ServiceCallVerifier verifier;

    InternalCallers(IngestConfig config, ServiceConfig service) {
        Map<String, byte[]> keys = new HashMap<>();
        put(keys, "publisher-service", config.internal().publisherServiceKey());
        put(keys, "analysis-service", config.internal().analysisServiceKey());
        put(keys, "scheduler-service", config.internal().schedulerServiceKey());
        put(keys, "studio-service", config.internal().studioServiceKey());
        this.verifier = new ServiceCallVerifier(keys, service.name());
    }

    /** The calling service's name, or a 401 problem. */
    String verify(String header) {
        return verifier.verify(header);
    }

    /** Refuses a proven caller that is not one of those a route is for. */
    void require(String header, String... services) {
        if (!java.util.List.of(services).contains(verify(header))) {
            throw new io.contentfactory.kit.problem.ProblemException(
                    403,
                    "service_forbidden",
                    "Forbidden",
                    "this internal route is for " + String.join(" and ", services) + " only");
        }
    }

    private static void put(Map<String, byte[]> keys, String caller, Optional<String> key) {
        key.filter(value -> !value.isBlank()).ifPresent(value -> keys.put(caller, ServiceCallTokens.readKey(value)));
    }
}
