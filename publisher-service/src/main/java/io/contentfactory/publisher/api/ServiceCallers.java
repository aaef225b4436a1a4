package io.contentfactory.publisher.api;

import io.contentfactory.auth.ServiceCallTokens;
import io.contentfactory.kit.ServiceConfig;
import io.contentfactory.kit.calls.ServiceCallVerifier;
import io.contentfactory.kit.problem.ProblemException;
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

        /** The pair key coach-service shares with this service: it may ask which account a connection is. */
        Optional<String> coachServiceKey();
    }

    /** The one service that may read an account's token. */
    public static final String TOKEN_READER = "metrics-service";

    private final ServiceCallVerifier verifier;

    ServiceCallers(Config config, ServiceConfig service) {
        Map<String, byte[]> keys = new HashMap<>();
        config.metricsServiceKey().ifPresent(key -> keys.put(TOKEN_READER, ServiceCallTokens.readKey(key)));
        config.coachServiceKey().ifPresent(key -> keys.put("coach-service", ServiceCallTokens.readKey(key)));
        this.verifier = new ServiceCallVerifier(keys, service.name());
    }

    /** The caller a {@code Service-Authorization: Bearer ...} header proves, or 401. */
    public String verify(String header) {
        return verifier.verify(header);
    }

    /** As {@link #verify}, and 403 unless the caller is {@code allowed}: not every caller may use every route. */
    public String verify(String header, String allowed) {
        String caller = verifier.verify(header);
        if (!caller.equals(allowed)) {
            throw new ProblemException(
                    403, "service_forbidden", "Forbidden", caller + " may not call this internal route");
        }
        return caller;
    }
}
