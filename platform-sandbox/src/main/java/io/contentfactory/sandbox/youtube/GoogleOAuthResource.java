package io.contentfactory.sandbox.youtube;

import io.contentfactory.sandbox.common.Fault;
import io.contentfactory.sandbox.common.FaultInjector;
import io.contentfactory.sandbox.common.Faults;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Google's OAuth 2.0 token endpoint, refresh grant only: the refresh token is kept, a new access token is issued. */
@Path("/google/oauth2/token")
@Produces(MediaType.APPLICATION_JSON)
public class GoogleOAuthResource {

    private final YouTubeSandbox sandbox;
    private final FaultInjector faults;
    private final Map<String, String> clients;

    GoogleOAuthResource(
            YouTubeSandbox sandbox,
            FaultInjector faults,
            @ConfigProperty(name = "sandbox.google.client-id") String clientId,
            @ConfigProperty(name = "sandbox.google.client-secret") String clientSecret) {
        this.sandbox = sandbox;
        this.faults = faults;
        this.clients = Map.of(clientId, clientSecret);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response token(
            @FormParam("client_id") String clientId,
            @FormParam("client_secret") String clientSecret,
            @FormParam("grant_type") String grantType,
            @FormParam("refresh_token") String refreshToken) {
        if (clientSecret == null || !clientSecret.equals(clients.get(clientId))) {
            return error(401, "invalid_client", "The OAuth client was not found.");
        }
        if (!"refresh_token".equals(grantType)) {
            return error(400, "unsupported_grant_type", "Invalid grant_type: " + grantType);
        }
        Optional<Fault> fault = faults.take(
                "youtube", sandbox.accountOfRefresh(refreshToken).orElse(FaultInjector.ANY_ACCOUNT), "REFRESH");
        if (Faults.is(fault, Fault.SERVER_ERROR)) {
            return error(500, "internal_failure", "Backend error");
        }
        return sandbox.refresh(Faults.is(fault, Fault.ERROR) ? null : refreshToken)
                .map(issued -> Response.ok(Map.of(
                                "access_token",
                                issued.accessToken(),
                                "expires_in",
                                issued.expiresIn(),
                                "scope",
                                "https://www.googleapis.com/auth/youtube.upload",
                                "token_type",
                                "Bearer"))
                        .build())
                .orElseGet(() -> error(400, "invalid_grant", "Token has been expired or revoked."));
    }

    private static Response error(int status, String error, String description) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON)
                .entity(Map.of("error", error, "error_description", description))
                .build();
    }
}
