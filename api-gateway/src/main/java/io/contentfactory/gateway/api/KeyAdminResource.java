package io.contentfactory.gateway.api;

import io.contentfactory.gateway.service.ApiKeyService;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;

/** Rotation and revocation of one key by its id. */
@Path("/admin/keys")
public class KeyAdminResource {

    private final ApiKeyService keys;
    private final OperatorAuth operator;

    KeyAdminResource(ApiKeyService keys, OperatorAuth operator) {
        this.keys = keys;
        this.operator = operator;
    }

    @POST
    @Path("/{keyId}/rotate")
    public Uni<Response> rotate(
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("keyId") UUID keyId) {
        operator.require(authorization);
        return keys.rotate(keyId)
                .map(issued -> Response.created(URI.create("/admin/keys/" + issued.stored().id))
                        .entity(ApiKeyAdminResource.IssuedKeyView.of(issued))
                        .build());
    }

    @DELETE
    @Path("/{keyId}")
    public Uni<Response> revoke(
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("keyId") UUID keyId) {
        operator.require(authorization);
        return keys.revoke(keyId).map(ignored -> Response.noContent().build());
    }
}
