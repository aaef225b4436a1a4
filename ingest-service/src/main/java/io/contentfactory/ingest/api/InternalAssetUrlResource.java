package io.contentfactory.ingest.api;

import io.contentfactory.auth.ServiceCallTokens;
import io.contentfactory.ingest.domain.AssetUrls;
import io.contentfactory.kit.problem.ProblemException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Fresh asset URLs for publisher-service, which holds a post's media URL from when the media was analysed until the
 * post goes out, possibly weeks later, longer than a URL lives; and for analysis-service, which analyses an item
 * again on request, possibly long after it was ingested. Only a URL this service signed is renewed, and only
 * for a caller holding the pair key. Internal: the gateway does not route it.
 */
@Path("/internal/v1/asset-urls/refresh")
public class InternalAssetUrlResource {

    private final AssetUrls urls;
    private final InternalCallers callers;

    InternalAssetUrlResource(AssetUrls urls, InternalCallers callers) {
        this.urls = urls;
        this.callers = callers;
    }

    public record Refresh(String url) {}

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public Refresh refresh(@HeaderParam(ServiceCallTokens.HEADER) String authorization, Refresh request) {
        callers.require(authorization, "publisher-service", "analysis-service");
        String url = request == null ? null : request.url();
        return new Refresh(urls.refresh(String.valueOf(url))
                .orElseThrow(() -> new ProblemException(
                        403, "not_an_asset_url", "Forbidden", "only an asset URL this service signed can be renewed")));
    }
}
