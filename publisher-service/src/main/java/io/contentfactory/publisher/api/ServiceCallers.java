package io.contentfactory.publisher.api;

import io.contentfactory.contracts.ServiceCallTokens;
import io.contentfactory.kit.ServiceConfig;
import io.contentfactory.kit.problem.ProblemException;
import io.smallrye.config.ConfigMapping;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/** The services that may call this one's internal routes, each proven by its pair key (see {@link ServiceCallTokens}). */
@ApplicationScoped
public class ServiceCallers {

    private static final Logger LOG = Logger.getLogger(ServiceCallers.class);

    @ConfigMapping(prefix = "factory.publisher.internal")
    public interface Config {
        /** The base64url pair key metrics-service shares with this service; without it, no caller is let in. */
        Optional<String> metricsServiceKey();
    }

    private final Map<String, byte[]> keys = new HashMap<>();
    private final String self;

    ServiceCallers(Config config, ServiceConfig service) {
        config.metricsServiceKey().ifPresent(key -> keys.put("metrics-service", ServiceCallTokens.readKey(key)));
        this.self = service.name();
    }

    /** The caller a {@code Service-Authorization: Bearer ...} header proves, or 401. */
    public String verify(String header) {
        if (header == null || !header.startsWith("Bearer ")) {
            throw unauthorized("a service call needs " + ServiceCallTokens.HEADER + ": Bearer <token>");
        }
        try {
            return ServiceCallTokens.verify(header.substring(7).strip(), keys, self, Instant.now());
        } catch (IllegalArgumentException e) {
            LOG.warnf("refused a service call: %s", e.getMessage());
            throw unauthorized("the service call token was refused");
        }
    }

    private static ProblemException unauthorized(String detail) {
        return new ProblemException(401, "service_unauthorized", "Unauthorized", detail);
    }
}
