package io.contentfactory.sandbox.tiktok;

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

/** What the TikTok sandbox holds, and grants as the end of TikTok's login flow gives them. Not part of TikTok's API. */
@Path("/sandbox/tiktok")
@Produces(MediaType.APPLICATION_JSON)
public class TikTokInspectionResource {

    private final FaultArming faultArming;

    private final TikTokSandbox sandbox;

    TikTokInspectionResource(TikTokSandbox sandbox, FaultArming faultArming) {
        this.faultArming = faultArming;
        this.sandbox = sandbox;
    }

    /** @param audited false for an app TikTok has not audited: it may only post SELF_ONLY */
    public record GrantRequest(String accountId, String username, Boolean audited, Long ttlSeconds) {}

    @POST
    @Path("/grants")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response grant(GrantRequest request) {
        if (request == null || request.accountId() == null) {
            return Response.status(400).entity("accountId is required").build();
        }
        Duration ttl =
                request.ttlSeconds() == null ? TikTokSandbox.ACCESS_TTL : Duration.ofSeconds(request.ttlSeconds());
        return Response.ok(sandbox.grant(
                        request.accountId(), request.username(), !Boolean.FALSE.equals(request.audited()), ttl))
                .build();
    }

    @GET
    @Path("/posts")
    public List<TikTokSandbox.Post> posts() {
        return sandbox.posts();
    }

    public record DirectPost(String accountId, String title, Long ageSeconds) {}

    /** A live public video at once, {@code ageSeconds} old, without the posting flow: for tests of reading metrics. */
    @POST
    @Path("/posts")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response post(DirectPost request) {
        if (request == null || request.accountId() == null) {
            return Response.status(400).entity("accountId is required").build();
        }
        long age = request.ageSeconds() == null ? 0 : Math.max(0, request.ageSeconds());
        return Response.ok(sandbox.directPost(
                        request.accountId(),
                        request.title(),
                        java.time.Instant.now().minusSeconds(age)))
                .build();
    }

    /** The video ids of each {@code /v2/video/query/} call so far. */
    @GET
    @Path("/video-queries")
    public List<List<String>> videoQueries() {
        return sandbox.queries();
    }

    /** Arms faults on this platform's calls; see {@link FaultArming}. */
    @POST
    @Path("/faults")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response arm(FaultArming.FaultRequest request) {
        return faultArming.arm("tiktok", request);
    }
}
