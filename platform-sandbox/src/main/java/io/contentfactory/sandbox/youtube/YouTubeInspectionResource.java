package io.contentfactory.sandbox.youtube;

import io.contentfactory.sandbox.common.FaultArming;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

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

    public record DirectVideo(String accountId, String title, Long ageSeconds) {}

    /** A live public video at once, {@code ageSeconds} old, without the upload flow: for tests of reading metrics. */
    @POST
    @Path("/videos")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response video(DirectVideo request) {
        if (request == null || request.accountId() == null) {
            return Response.status(400).entity("accountId is required").build();
        }
        long age = request.ageSeconds() == null ? 0 : Math.max(0, request.ageSeconds());
        return Response.ok(sandbox.directUpload(
                        request.accountId(),
                        request.title() == null ? "Sandbox video" : request.title(),
                        Instant.now().minusSeconds(age)))
                .build();
    }

    /** Deletes a video, as its owner would. */
    @DELETE
    @Path("/videos/{id}")
    public Response delete(@PathParam("id") String id) {
        return sandbox.delete(id)
                ? Response.noContent().build()
                : Response.status(404).build();
    }

    /** The Data API units a channel's client spent today. */
    @GET
    @Path("/usage/{accountId}")
    public Map<String, Object> usage(@PathParam("accountId") String accountId) {
        return Map.of("accountId", accountId, "unitsSpentToday", sandbox.unitsSpent(accountId));
    }

    /** Arms faults on this platform's calls; see {@link FaultArming}. */
    @POST
    @Path("/faults")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response arm(FaultArming.FaultRequest request) {
        return faultArming.arm("youtube", request);
    }
}
