package io.contentfactory.sandbox.fal;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/** What tests see and arm of the fal.ai stand-in: every submission, and faults for the next prompts that match. */
@Path("/sandbox/fal")
@Produces(MediaType.APPLICATION_JSON)
public class FalInspectionResource {

    private final FalQueue queue;

    FalInspectionResource(FalQueue queue) {
        this.queue = queue;
    }

    /** @param fault {@code server_error}, {@code refuse}, {@code never_start} or {@code never_finish} */
    public record FaultRequest(String promptContains, String fault, Integer times) {}

    @POST
    @Path("/faults")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response arm(FaultRequest request) {
        if (request == null || request.promptContains() == null || request.fault() == null) {
            return Response.status(400)
                    .entity(Map.of("detail", "promptContains and fault are required"))
                    .build();
        }
        try {
            queue.arm(request.promptContains(), request.fault(), request.times() == null ? 1 : request.times());
        } catch (IllegalArgumentException e) {
            return Response.status(400)
                    .entity(Map.of("detail", "unknown fault " + request.fault()))
                    .build();
        }
        return Response.noContent().build();
    }

    /** Every request submitted, in order: what a test counts to prove a shot was never submitted twice. */
    @GET
    @Path("/submissions")
    public List<Map<String, Object>> submissions() {
        return queue.submissions().stream()
                .map(r -> Map.<String, Object>of(
                        "requestId",
                        r.id(),
                        "model",
                        r.model(),
                        "prompt",
                        r.prompt(),
                        "submittedAt",
                        r.submittedAt().toString(),
                        "cancelled",
                        queue.find(r.model(), r.id())
                                .map(FalQueue.Request::cancelled)
                                .orElse(false)))
                .toList();
    }
}
