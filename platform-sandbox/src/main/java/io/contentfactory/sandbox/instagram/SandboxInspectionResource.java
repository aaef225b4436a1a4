package io.contentfactory.sandbox.instagram;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** What the sandbox holds, for tests and the demo to check what really went out. Not part of Instagram's API. */
@Path("/sandbox/instagram")
public class SandboxInspectionResource {

    private final InstagramSandbox sandbox;

    SandboxInspectionResource(InstagramSandbox sandbox) {
        this.sandbox = sandbox;
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
