package io.contentfactory.sandbox.instagram;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** What the sandbox holds, for tests and the demo to check what really went out, and fault injection. Not part of Instagram's API. */
@Path("/sandbox/instagram")
public class SandboxInspectionResource {

    private final InstagramSandbox sandbox;
    private final FaultInjector faults;

    SandboxInspectionResource(InstagramSandbox sandbox, FaultInjector faults) {
        this.sandbox = sandbox;
        this.faults = faults;
    }

    public record FaultRequest(String accountId, FaultInjector.Operation operation, FaultInjector.Fault fault, Integer times) {
    }

    public record LimitRequest(String accountId, Integer limit) {
    }

    /** Overrides an account's rolling 24 h publishing limit. */
    @POST
    @Path("/publish-limit")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response publishLimit(LimitRequest request) {
        if (request == null || request.accountId() == null || request.limit() == null || request.limit() < 0) {
            return Response.status(400).entity("accountId and a limit of 0 or more are required").build();
        }
        sandbox.overridePublishLimit(request.accountId(), request.limit());
        return Response.noContent().build();
    }

    /** Arms faults: the next {@code times} calls of {@code operation} for the account fail with {@code fault}. */
    @POST
    @Path("/faults")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response arm(FaultRequest request) {
        if (request == null || request.accountId() == null || request.operation() == null || request.fault() == null) {
            return Response.status(400).entity("accountId, operation and fault are required").build();
        }
        faults.arm(request.accountId(), request.operation(), request.fault(), request.times() == null ? 1 : request.times());
        return Response.noContent().build();
    }

    @GET
    @Path("/media")
    @Produces(MediaType.APPLICATION_JSON)
    public List<InstagramSandbox.PublishedMedia> media() {
        return sandbox.allMedia();
    }

    @GET
    @Path("/p/{shortcode}")
    @Produces(MediaType.TEXT_HTML)
    public String permalink(@PathParam("shortcode") String shortcode) {
        InstagramSandbox.PublishedMedia media = sandbox.byShortcode(shortcode.replace("/", ""))
                .orElseThrow(() -> new NotFoundException("no sandbox post " + shortcode));
        return "<!doctype html><title>Sandbox post " + media.shortcode() + "</title><h1>@" + escape(media.accountId())
                + "</h1><p>" + escape(media.caption()) + "</p><p>" + media.mediaType() + " published " + media.timestamp() + "</p>";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
