package io.contentfactory.kit.calls;

import io.contentfactory.auth.ServiceCallTokens;
import io.contentfactory.kit.problem.ProblemException;
import java.time.Instant;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Checks the {@code Service-Authorization: Bearer ...} header of a call to a service's internal routes against the
 * pair keys of the services allowed to call it (see {@link ServiceCallTokens}). No key, no caller: without any
 * configured key every call is refused.
 */
public final class ServiceCallVerifier {

    private static final Logger LOG = Logger.getLogger(ServiceCallVerifier.class);

    private final Map<String, byte[]> keysByCaller;
    private final String self;

    public ServiceCallVerifier(Map<String, byte[]> keysByCaller, String self) {
        this.keysByCaller = Map.copyOf(keysByCaller);
        this.self = self;
    }

    /** The calling service's name, or a 401 problem. */
    public String verify(String header) {
        if (header == null || !header.startsWith("Bearer ")) {
            throw unauthorized("a service call needs " + ServiceCallTokens.HEADER + ": Bearer <token>");
        }
        try {
            return ServiceCallTokens.verify(header.substring(7).strip(), keysByCaller, self, Instant.now());
        } catch (IllegalArgumentException e) {
            LOG.warnf("refused a service call: %s", e.getMessage());
            throw unauthorized("the service call token was refused");
        }
    }

    private static ProblemException unauthorized(String detail) {
        return new ProblemException(401, "service_unauthorized", "Unauthorized", detail);
    }
}
