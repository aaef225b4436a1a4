package io.contentfactory.analysis.api;

import io.contentfactory.analysis.domain.MediaAnalysis;
import io.contentfactory.analysis.persistence.AnalysisProgress;
import io.contentfactory.contracts.events.MediaAnalysisProgressed;
import io.contentfactory.analysis.persistence.AnalysisStore;
import io.contentfactory.analysis.persistence.MediaAnalysisRepository;
import io.contentfactory.kit.api.PathIds;
import io.contentfactory.kit.problem.ProblemException;
import io.contentfactory.kit.tenancy.CallerProject;
import io.contentfactory.kit.tenancy.TenantScope;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** {@code GET /v1/media/{id}/analysis}: reached through the gateway, which sends this sub-resource of media here. */
@Path("/v1/media/{id}/analysis")
@Authenticated
public class AnalysisResource {

    private final MediaAnalysisRepository analyses;
    private final AnalysisStore store;
    private final AnalysisProgress progress;
    private final TenantScope tenancy;
    private final CallerProject caller;

    AnalysisResource(MediaAnalysisRepository analyses, AnalysisStore store, AnalysisProgress progress, TenantScope tenancy,
            CallerProject caller) {
        this.analyses = analyses;
        this.store = store;
        this.progress = progress;
        this.tenancy = tenancy;
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "getMediaAnalysis", summary = "A media item's latest analysis",
            description = "Its progress (status, stage, percent), then the pre-social score with each feature's contribution"
                    + " in plain words, the frames, sound and words found, and each provider's outcome (a provider that"
                    + " failed says why; the local result stands). While it runs, only the progress.")
    @APIResponse(responseCode = "200", description = "The analysis",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AnalysisView.class)))
    @APIResponse(responseCode = "404", description = "No analysis of this media in the key's project yet (code not_found)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public Uni<AnalysisView> get(@Parameter(description = "The media id", schema = @Schema(format = "uuid")) @PathParam("id") String id) {
        UUID projectId = caller.id();
        UUID mediaId = PathIds.uuid(id);
        return progress.of(projectId, mediaId).chain(progressed -> Panache.withTransaction(() -> tenancy.bind(projectId)
                .chain(() -> analyses.latestOf(projectId, mediaId))
                .chain((MediaAnalysis analysis) -> view(projectId, mediaId, analysis, progressed))));
    }

    private Uni<AnalysisView> view(UUID projectId, UUID mediaId, MediaAnalysis analysis, MediaAnalysisProgressed progressed) {
        if (analysis != null) {
            return store.results(projectId, analysis.id).map(results -> AnalysisView.of(analysis, results, progressed));
        }
        if (progressed != null) {
            return Uni.createFrom().item(AnalysisView.pending(mediaId, progressed));
        }
        return Uni.createFrom().failure(new ProblemException(404, "not_found", "Not found",
                "media " + mediaId + " has no analysis in this project yet"));
    }
}
