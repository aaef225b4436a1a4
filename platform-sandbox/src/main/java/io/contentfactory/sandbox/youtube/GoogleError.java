package io.contentfactory.sandbox.youtube;

import io.contentfactory.sandbox.common.Fault;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/** An error in the shape Google's APIs answer: {@code error.code}, {@code error.message}, {@code error.errors[].reason}. */
public class GoogleError extends WebApplicationException {

    public GoogleError(int status, String reason, String domain, String message) {
        super(
                message,
                Response.status(status)
                        .type(MediaType.APPLICATION_JSON)
                        .entity(Map.of(
                                "error",
                                Map.of(
                                        "code",
                                        status,
                                        "message",
                                        message,
                                        "errors",
                                        List.of(Map.of("message", message, "domain", domain, "reason", reason)))))
                        .build());
    }

    static GoogleError unauthenticated() {
        return new GoogleError(401, "authError", "global", "Request had invalid authentication credentials.");
    }

    static GoogleError quotaExceeded() {
        return new GoogleError(
                403,
                "quotaExceeded",
                "youtube.quota",
                "The request cannot be completed because you have exceeded your quota.");
    }

    static GoogleError forFault(Fault fault) {
        return switch (fault) {
            case RATE_LIMIT -> new GoogleError(429, "rateLimitExceeded", "youtube.quota", "Too many requests.");
            default -> new GoogleError(503, "backendError", "global", "Backend Error");
        };
    }
}
