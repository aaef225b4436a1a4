package io.contentfactory.publisher.api;

import io.contentfactory.auth.ServiceCallTokens;
import io.contentfactory.kit.api.PathIds;
import io.contentfactory.publisher.service.ConnectionService;
import io.contentfactory.publisher.service.ConnectionService.ConnectedAccount;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Which platform account a connection is, for other services that key their data by account (metrics-service's
 * baselines). Internal, like the read tokens: the gateway does not route it, and only a pair-key holder is answered.
 */
@Path("/internal/v1/connections")
public class ConnectedAccountResource {

    private final ServiceCallers callers;
    private final ConnectionService connections;

    ConnectedAccountResource(ServiceCallers callers, ConnectionService connections) {
        this.callers = callers;
        this.connections = connections;
    }

    @GET
    @Path("/{projectId}/{connectionId}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public Uni<ConnectedAccount> account(
            @HeaderParam(ServiceCallTokens.HEADER) String authorization,
            @PathParam("projectId") String projectId,
            @PathParam("connectionId") String connectionId) {
        callers.verify(authorization);
        return connections.accountOf(PathIds.uuid(projectId), PathIds.uuid(connectionId));
    }
}
