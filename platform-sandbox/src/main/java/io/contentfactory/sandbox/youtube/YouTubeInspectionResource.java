package io.contentfactory.sandbox.youtube;

import io.contentfactory.sandbox.common.FaultArming;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.List;

/** What the YouTube sandbox holds, and grants as Google's consent screen gives them. Not part of YouTube's API. */
@Path("/sandbox/youtube")
@Produces(MediaType.APPLICATION_JSON)
public class YouTubeInspectionResource {

    private final FaultArming faultArming;

    private final YouTubeSandbox sandbox;

    YouTubeInspectionResource(YouTubeSandbox sandbox, FaultArming faultArming) {
        this.faultArming = faultArming;
        this.sandbox = sandbox;
    }

    public record GrantRequest(String accountId, Long ttlSeconds) {}

    @POST
    @Path("/grants")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response grant(GrantRequest request) {
        if (request == null || request.accountId() == null) {
            return Response.status(400).entity("accountId is required").build();
        }
        Duration ttl =
                request.ttlSeconds() == null ? YouTubeSandbox.ACCESS_TTL : Duration.ofSeconds(request.ttlSeconds());
        return Response.ok(sandbox.grant(request.accountId(), ttl)).build();
    }

    @GET
    @Path("/videos")
    public List<YouTubeSandbox.Video> videos() {
        return sandbox.videos();
    }

    /** Arms faults on this platform's calls; see {@link FaultArming}. */
    @POST
    @Path("/faults")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response arm(FaultArming.FaultRequest request) {
        return faultArming.arm("youtube", request);
    }
}
