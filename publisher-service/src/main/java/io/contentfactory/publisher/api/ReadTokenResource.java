package io.contentfactory.publisher.api;

import io.contentfactory.auth.ServiceCallTokens;
import io.contentfactory.kit.api.PathIds;
import io.contentfactory.publisher.service.ConnectionService;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Read tokens for other services (metrics-service reads insights with them), so that no service reads this one's
 * tables. Internal: the gateway does not route it, and only a caller holding its pair key gets an answer. The token
 * is sent with {@code Cache-Control: no-store} and never logged.
 */
@Path("/internal/v1/read-tokens")
public class ReadTokenResource {

    private final ServiceCallers callers;
    private final ConnectionService connections;

    ReadTokenResource(ServiceCallers callers, ConnectionService connections) {
        this.callers = callers;
        this.connections = connections;
    }

    @GET
    @Path("/{projectId}/{platform}/{accountId}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public Uni<Response> readToken(
            @HeaderParam(ServiceCallTokens.HEADER) String authorization,
            @PathParam("projectId") String projectId,
            @PathParam("platform") String platform,
            @PathParam("accountId") String accountId) {
        callers.verify(authorization, ServiceCallers.TOKEN_READER);
        return connections
                .readToken(PathIds.uuid(projectId), platform, accountId)
                .map(token ->
                        Response.ok(token).header("Cache-Control", "no-store").build());
    }

    /** What the caller says: why the platform refused the token. */
    public record Refusal(String reason) {}

    /** The platform refused this account's token when another service read with it: the connection needs new tokens. */
    @POST
    @Path("/{projectId}/{platform}/{accountId}/rejection")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public Uni<Response> rejected(
            @HeaderParam(ServiceCallTokens.HEADER) String authorization,
            @PathParam("projectId") String projectId,
            @PathParam("platform") String platform,
            @PathParam("accountId") String accountId,
            Refusal refusal) {
        callers.verify(authorization, ServiceCallers.TOKEN_READER);
        return connections
                .tokenRefused(PathIds.uuid(projectId), platform, accountId, refusal == null ? null : refusal.reason())
                .replaceWith(Response.noContent().build());
    }
}
