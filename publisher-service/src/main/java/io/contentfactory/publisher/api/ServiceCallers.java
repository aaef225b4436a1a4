package io.contentfactory.publisher.api;

import io.contentfactory.auth.ServiceCallTokens;
import io.contentfactory.kit.ServiceConfig;
import io.contentfactory.kit.calls.ServiceCallVerifier;
import io.smallrye.config.ConfigMapping;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The services that may call this one's internal routes, each proven by its pair key (see {@link ServiceCallTokens}). */
@ApplicationScoped
public class ServiceCallers {

    @ConfigMapping(prefix = "factory.publisher.internal")
    public interface Config {
        /** The base64url pair key metrics-service shares with this service; without it, no caller is let in. */
        Optional<String> metricsServiceKey();
    }

    private final ServiceCallVerifier verifier;

    ServiceCallers(Config config, ServiceConfig service) {
        Map<String, byte[]> keys = new HashMap<>();
        config.metricsServiceKey().ifPresent(key -> keys.put("metrics-service", ServiceCallTokens.readKey(key)));
        this.verifier = new ServiceCallVerifier(keys, service.name());
    }

    /** The caller a {@code Service-Authorization: Bearer ...} header proves, or 401. */
    public String verify(String header) {
        return verifier.verify(header);
    }
}
