package io.contentfactory.ingest.api;

import io.contentfactory.ingest.domain.AssetUrls;
import io.contentfactory.ingest.domain.ImportRefused;
import io.contentfactory.ingest.domain.MediaAsset;
import io.contentfactory.ingest.service.UrlImports;
import io.contentfactory.kit.api.PathIds;
import io.contentfactory.kit.domain.DomainError;
import io.contentfactory.kit.tenancy.CallerProject;
import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** {@code POST /v1/media:import}: a custom method (AIP-136 style) on the media collection, in its own class so that the colon stays literal. */
@Path("/v1/media:import")
@Authenticated
public class MediaImportResource {

    private final UrlImports imports;
    private final AssetUrls urls;
    private final CallerProject caller;

    MediaImportResource(UrlImports imports, AssetUrls urls, CallerProject caller) {
        this.imports = imports;
        this.urls = urls;
        this.caller = caller;
    }

    /** Imports a file from an https URL: a public link, a Cloudinary delivery URL or a Supabase Storage link. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Blocking
    @Operation(
            operationId = "importMedia",
            summary = "Import a media file from an https URL",
            description =
                    "The URL and every redirect must be https and resolve to public addresses. Answers 202 with the"
                            + " item at once; follow it on GET /v1/media/{id} (status receiving with bytesReceived, then ingested,"
                            + " rejected or failed with the code that stopped it: too_large, timeout, too_many_redirects,"
                            + " address_not_allowed, url_scheme_not_allowed, source_status, ...).")
    @APIResponse(
            responseCode = "202",
            description = "Accepted; the download runs",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = MediaView.class)))
    @APIResponse(
            responseCode = "400",
            description = "The URL is refused before any request (codes invalid_url,"
                    + " url_scheme_not_allowed, credentials_in_url, address_not_allowed, host_not_found)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public Response importUrl(ImportRequest request) {
        if (request == null) {
            throw new DomainError.Invalid("invalid_url", "give the URL to import as 'url'");
        }
        UUID projectId = caller.id();
        try {
            MediaAsset asset = imports.start(
                    projectId,
                    request.url(),
                    request.fileName(),
                    PlatformHints.checked(request.platformHint()),
                    PathIds.uuidOrNull(request.derivedFromPlanId()));
            return Response.accepted(MediaView.of(asset, urls))
                    .header("Location", "/v1/media/" + asset.id)
                    .build();
        } catch (ImportRefused refused) {
            throw new DomainError.Invalid(refused.code(), refused.getMessage());
        }
    }

    public record ImportRequest(
            String url,
            String fileName,
            String platformHint,

            @Schema(
                    description =
                            "The coach's derivative plan the file was made from; its ingestion completes the plan")
            String derivedFromPlanId) {}
}
