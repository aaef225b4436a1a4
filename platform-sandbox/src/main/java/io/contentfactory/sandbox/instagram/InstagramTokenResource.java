package io.contentfactory.sandbox.instagram;

import io.contentfactory.sandbox.common.Fault;
import io.contentfactory.sandbox.common.FaultInjector;
import io.contentfactory.sandbox.common.Faults;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import java.util.Optional;

/** {@code GET /refresh_access_token?grant_type=ig_refresh_token}: a new long-lived token for an unexpired one. */
@Path("/refresh_access_token")
@Produces(MediaType.APPLICATION_JSON)
public class InstagramTokenResource {

    private final InstagramSandbox sandbox;
    private final FaultInjector faults;

    InstagramTokenResource(InstagramSandbox sandbox, FaultInjector faults) {
        this.sandbox = sandbox;
        this.faults = faults;
    }

    @GET
    public Uni<Map<String, Object>> refresh(
            @QueryParam("grant_type") String grantType, @QueryParam("access_token") String token) {
        if (!"ig_refresh_token".equals(grantType)) {
            throw new GraphError(400, "OAuthException", 100, null, "grant_type must be ig_refresh_token");
        }
        Optional<Fault> fault =
                faults.take("instagram", sandbox.accountOf(token).orElse(FaultInjector.ANY_ACCOUNT), "REFRESH");
        if (Faults.is(fault, Fault.ERROR)) {
            throw GraphError.invalidToken();
        }
        return Faults.apply(
                fault,
                () -> {
                    var issued = sandbox.refresh(token);
                    return Uni.createFrom()
                            .item(Map.<String, Object>of(
                                    "access_token",
                                    issued.accessToken(),
                                    "token_type",
                                    "bearer",
                                    "expires_in",
                                    issued.expiresIn()));
                },
                GraphError::forFault);
    }
}
