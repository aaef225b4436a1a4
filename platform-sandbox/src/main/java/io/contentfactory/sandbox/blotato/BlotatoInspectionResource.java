package io.contentfactory.sandbox.blotato;

import io.contentfactory.sandbox.common.FaultArming;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/** The posts Blotato published, for tests to check what really went out. Not part of Blotato's API. */
@Path("/sandbox/blotato")
@Produces(MediaType.APPLICATION_JSON)
public class BlotatoInspectionResource {

    private final FaultArming faultArming;

    private final BlotatoSandbox sandbox;

    BlotatoInspectionResource(BlotatoSandbox sandbox, FaultArming faultArming) {
        this.faultArming = faultArming;
        this.sandbox = sandbox;
    }

    @GET
    @Path("/posts")
    public List<Map<String, Object>> posts() {
        return sandbox.published().stream()
                .map(s -> Map.<String, Object>of(
                        "postSubmissionId",
                        s.postSubmissionId,
                        "accountId",
                        s.accountId,
                        "platform",
                        s.platform,
                        "text",
                        s.text,
                        "publicUrl",
                        sandbox.publicUrl(s)))
                .toList();
    }

    /** Arms faults on this platform's calls; see {@link FaultArming}. */
    @POST
    @Path("/faults")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response arm(FaultArming.FaultRequest request) {
        return faultArming.arm("blotato", request);
    }
}
