package io.contentfactory.sandbox.common;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.Set;

/**
 * What {@code POST /sandbox/{platform}/faults} does on every platform's inspection resource: the next {@code times}
 * calls of {@code operation} for the account (or {@code *}, any account) meet {@code fault}. Not part of any
 * platform's API.
 */
@ApplicationScoped
public class FaultArming {

    /** The operations each platform lets a fault be armed on. */
    static final Map<String, Set<String>> OPERATIONS = Map.of(
            "instagram", Set.of("CREATE_CONTAINER", "STATUS", "PUBLISH", "LIST_MEDIA", "REFRESH", "INSIGHTS"),
            "tiktok", Set.of("CREATOR_INFO", "INIT", "STATUS", "REFRESH"),
            "youtube", Set.of("INSERT", "UPLOAD", "STATUS", "REFRESH"),
            "blotato", Set.of("CREATE_POST", "STATUS"));

    private final FaultInjector faults;

    FaultArming(FaultInjector faults) {
        this.faults = faults;
    }

    public record FaultRequest(String accountId, String operation, Fault fault, Integer times) {}

    public Response arm(String platform, FaultRequest request) {
        Set<String> operations = OPERATIONS.get(platform);
        if (operations == null) {
            return Response.status(404).entity("no platform " + platform).build();
        }
        if (request == null || request.accountId() == null || request.operation() == null || request.fault() == null) {
            return Response.status(400)
                    .entity("accountId, operation and fault are required")
                    .build();
        }
        if (!operations.contains(request.operation())) {
            return Response.status(400)
                    .entity(platform + " operations are " + operations)
                    .build();
        }
        faults.arm(
                platform,
                request.accountId(),
                request.operation(),
                request.fault(),
                request.times() == null ? 1 : request.times());
        return Response.noContent().build();
    }
}
