package io.contentfactory.analysis.api;

import io.contentfactory.analysis.domain.MediaAnalysis;
import io.contentfactory.analysis.domain.MediaAnalyzer;
import io.contentfactory.analysis.persistence.AnalysisProgress;
import io.contentfactory.analysis.persistence.AnalysisStore;
import io.contentfactory.analysis.persistence.MediaAnalysisRepository;
import io.contentfactory.analysis.persistence.MediaSources;
import io.contentfactory.contracts.events.MediaAnalysisProgressed;
import io.contentfactory.kit.api.PathIds;
import io.contentfactory.kit.domain.DomainError;
import io.contentfactory.kit.tenancy.CallerProject;
import io.contentfactory.kit.tenancy.TenantScope;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
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

    /** An analysis in these states is on its way: asking again adds nothing. */
    private static final java.util.Set<String> IN_FLIGHT = java.util.Set.of("queued", "analyzing", "retrying");

    private final MediaAnalysisRepository analyses;
    private final MediaSources sources;
    private final AnalysisStore store;
    private final AnalysisProgress progress;
    private final TenantScope tenancy;
    private final CallerProject caller;

    AnalysisResource(
            MediaAnalysisRepository analyses,
            MediaSources sources,
            AnalysisStore store,
            AnalysisProgress progress,
            TenantScope tenancy,
            CallerProject caller) {
        this.analyses = analyses;
        this.sources = sources;
        this.store = store;
        this.progress = progress;
        this.tenancy = tenancy;
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
        UUID projectId = caller.id();
        UUID mediaId = PathIds.uuid(id);
        return progress.of(projectId, mediaId)
                .chain(progressed -> tenancy.transaction(
                        projectId,
                        () -> analyses.latestOf(projectId, mediaId)
                                .chain((MediaAnalysis analysis) -> view(projectId, mediaId, analysis, progressed))));
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
        UUID projectId = caller.id();
        UUID mediaId = PathIds.uuid(id);
        return sources.find(projectId, mediaId).chain(source -> {
            if (source == null) {
                return Uni.createFrom().failure(notFound(mediaId));
            }
            return progress.of(projectId, mediaId)
                    .chain(progressed -> tenancy.transaction(projectId, () -> analyses.latestOf(projectId, mediaId))
                            .chain(latest -> answer(projectId, mediaId, latest, progressed)));
        });
    }

    private Uni<Response> answer(
            UUID projectId, UUID mediaId, MediaAnalysis latest, MediaAnalysisProgressed progressed) {
        if (latest != null && MediaAnalyzer.VERSION.equals(latest.analyzerVersion)) {
            return tenancy.transaction(projectId, () -> view(projectId, mediaId, latest, progressed))
                    .map(view -> Response.ok(view).build());
        }
        if (progressed != null && IN_FLIGHT.contains(progressed.status())) {
            return Uni.createFrom()
                    .item(Response.accepted(AnalysisView.pending(mediaId, progressed))
                            .build());
        }
        return progress.request(projectId, mediaId, MediaAnalyzer.VERSION)
                .map(queued ->
                        Response.accepted(AnalysisView.pending(mediaId, queued)).build());
    }

    private static DomainError notFound(UUID mediaId) {
        return DomainError.NotFound.coded("not_found", "media " + mediaId + " has no analysis in this project yet");
    }

    private Uni<AnalysisView> view(
            UUID projectId, UUID mediaId, MediaAnalysis analysis, MediaAnalysisProgressed progressed) {
        if (analysis != null) {
            return store.results(projectId, analysis.id).map(results -> AnalysisView.of(analysis, results, progressed));
        }
        if (progressed != null) {
            return Uni.createFrom().item(AnalysisView.pending(mediaId, progressed));
        }
        return Uni.createFrom().failure(notFound(mediaId));
    }
}
