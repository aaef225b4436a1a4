package io.contentfactory.analysis.api;

import io.contentfactory.analysis.service.AnalysisService;
import io.contentfactory.kit.api.PathIds;
import io.contentfactory.kit.tenancy.CallerProject;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * {@code /v1/media/{id}/analysis}: reached through the gateway, which sends this sub-resource of media here. GET reads
 * the latest analysis; POST asks for the item to be analysed again by the analyzer version now deployed.
 */
@Path("/v1/media/{id}/analysis")
@Authenticated
public class AnalysisResource {

    private final AnalysisService analyses;
    private final CallerProject caller;

    AnalysisResource(AnalysisService analyses, CallerProject caller) {
        this.analyses = analyses;
        this.caller = caller;
    }

    @GET
    @Operation(
            operationId = "getMediaAnalysis",
            summary = "A media item's latest analysis",
            description =
                    "Its progress (status, stage, percent), then the pre-social score with each feature's contribution"
                            + " in plain words, the frames, sound and words found, and each provider's outcome (a provider that"
                            + " failed says why; the local result stands). While it runs, only the progress.")
    @APIResponse(
            responseCode = "200",
            description = "The analysis",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AnalysisView.class)))
    @APIResponse(
            responseCode = "404",
            description = "No analysis of this media in the key's project yet (code not_found)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public Uni<AnalysisView> get(
            @Parameter(description = "The media id", schema = @Schema(format = "uuid")) @PathParam("id") String id) {
        return analyses.latest(caller.id(), PathIds.uuid(id)).map(AnalysisView::of);
    }

    @POST
    @Operation(
            operationId = "requestMediaAnalysis",
            summary = "Analyse a media item again with the current analyzer",
            description =
                    "For an item analysed by an earlier analyzer version, or whose analysis failed: it is queued and"
                            + " analysed again (its earlier analysis stays readable until the new one is done). An item the current"
                            + " version has analysed is not analysed twice; the answer is its analysis as it is.")
    @APIResponse(
            responseCode = "202",
            description = "Queued (or already on its way): the progress",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AnalysisView.class)))
    @APIResponse(
            responseCode = "200",
            description = "Already analysed by the current version: the analysis",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AnalysisView.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such media item in the key's project (code not_found)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public Uni<Response> request(
            @Parameter(description = "The media id", schema = @Schema(format = "uuid")) @PathParam("id") String id) {
        return analyses.request(caller.id(), PathIds.uuid(id))
                .map(reading -> reading.done()
                        ? Response.ok(AnalysisView.of(reading)).build()
                        : Response.accepted(AnalysisView.of(reading)).build());
    }
}
