package io.contentfactory.coach.api;

import io.contentfactory.auth.ServiceCallTokens;
import io.contentfactory.coach.config.CoachConfig;
import io.contentfactory.coach.service.BriefService;
import io.contentfactory.coach.service.DerivativePlanService;
import io.contentfactory.kit.ServiceConfig;
import io.contentfactory.kit.api.PathIds;
import io.contentfactory.kit.calls.ServiceCallVerifier;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * A project's brief or derivative plan as its public route shows it, for studio-service to generate a post from.
 * Internal: the gateway does not route it, and only the pair-key holder is answered; another project's id is 404.
 */
@Path("/internal/v1")
@Produces(MediaType.APPLICATION_JSON)
public class InternalBriefResource {

    private final ServiceCallVerifier callers;
    private final BriefService briefs;
    private final DerivativePlanService plans;

    InternalBriefResource(CoachConfig config, ServiceConfig service, BriefService briefs, DerivativePlanService plans) {
        this.callers = new ServiceCallVerifier(
                config.internal()
                        .studioServiceKey()
                        .filter(key -> !key.isBlank())
                        .map(key -> Map.of("studio-service", ServiceCallTokens.readKey(key)))
                        .orElse(Map.of()),
                service.name());
        this.briefs = briefs;
        this.plans = plans;
    }

    @GET
    @Path("/creative-briefs/{projectId}/{id}")
    @Operation(hidden = true)
    public Uni<CreativeBriefView> brief(
            @HeaderParam(ServiceCallTokens.HEADER) String authorization,
            @PathParam("projectId") String projectId,
            @PathParam("id") String id) {
        callers.verify(authorization);
        return briefs.get(PathIds.uuid(projectId), PathIds.uuid(id)).map(CreativeBriefView::of);
    }

    @GET
    @Path("/derivative-plans/{projectId}/{id}")
    @Operation(hidden = true)
    public Uni<DerivativePlanView> plan(
            @HeaderParam(ServiceCallTokens.HEADER) String authorization,
            @PathParam("projectId") String projectId,
            @PathParam("id") String id) {
        callers.verify(authorization);
        return plans.get(PathIds.uuid(projectId), PathIds.uuid(id)).map(DerivativePlanView::of);
    }
}
