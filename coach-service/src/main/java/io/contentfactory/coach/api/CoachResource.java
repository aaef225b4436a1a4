package io.contentfactory.coach.api;

import io.contentfactory.coach.domain.CoachInsight;
import io.contentfactory.coach.service.CoachService;
import io.contentfactory.kit.api.Keyset;
import io.contentfactory.kit.api.PathIds;
import io.contentfactory.kit.tenancy.CallerProject;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * {@code /v1/media/{id}/coach-summary} and {@code /v1/insights}: reached through the gateway, which sends the
 * coach-summary sub-resource of media and the insights resource here.
 */
@Authenticated
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
public class CoachResource {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;

    private final CoachService coach;
    private final CallerProject caller;

    CoachResource(CoachService coach, CallerProject caller) {
        this.coach = coach;
        this.caller = caller;
    }

    @Schema(name = "InsightPage")
    public record InsightPage(
            List<CoachSummaryView> items,

            @Schema(description = "Pass as 'after' for the next page; null on the last")
            String nextCursor) {}

    @GET
    @Path("/media/{id}/coach-summary")
    @Operation(
            operationId = "getCoachSummary",
            summary = "The coach's latest summary of a media item, every statement with its evidence",
            description = "Written when one of the item's posts is collected at +24h and at +7d, or on demand. Each"
                    + " statement cites the ids of the entries of the insight's input snapshot it rests on"
                    + " (features, scores, metrics, the account's baseline); evidence.entries shows what each holds.")
    @APIResponse(
            responseCode = "200",
            description = "The latest insight",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = CoachSummaryView.class)))
    @APIResponse(
            responseCode = "400",
            description = "The id is not a UUID (code invalid_id)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "404",
            description = "No insight on this media item in the key's project yet (code not_found)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public Uni<CoachSummaryView> summary(@Parameter(description = "The media item's id") @PathParam("id") String id) {
        return coach.latest(caller.id(), PathIds.uuid(id)).map(CoachSummaryView::of);
    }

    @POST
    @Path("/media/{id}/coach-summary:refresh")
    @Operation(
            operationId = "refreshCoachSummary",
            summary = "Write a fresh coach summary of a media item from what is known of it now",
            description = "Answers 202 with the new summary once it is stored; GET coach-summary then returns it.")
    @APIResponse(
            responseCode = "202",
            description = "The new summary",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = CoachSummaryView.class)))
    @APIResponse(
            responseCode = "400",
            description = "The id is not a UUID (code invalid_id)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "404",
            description = "The coach knows nothing of this media item in the key's project (code not_found)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "422",
            description = "Nothing known of the item supports a summary yet (code nothing_to_say)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public Uni<Response> refresh(@Parameter(description = "The media item's id") @PathParam("id") String id) {
        return coach.refresh(caller.id(), PathIds.uuid(id))
                .map(insight -> Response.accepted(CoachSummaryView.of(insight))
                        .header(HttpHeaders.LOCATION, "/v1/media/" + insight.mediaId + "/coach-summary")
                        .build());
    }

    @GET
    @Path("/insights")
    @Operation(
            operationId = "listInsights",
            summary = "The project's coach insights, newest first",
            description = "Pages of at most 'limit' insights; pass a page's nextCursor as 'after' for the next one.")
    @APIResponse(
            responseCode = "200",
            description = "A page of insights",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = InsightPage.class)))
    @APIResponse(
            responseCode = "400",
            description = "A bad limit or cursor (codes invalid_limit, invalid_cursor)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public Uni<InsightPage> insights(
            @Parameter(description = "The nextCursor of the previous page") @QueryParam("after") String after,
            @Parameter(
                            description = "Insights per page, 1 to 100",
                            schema = @Schema(type = SchemaType.INTEGER, defaultValue = "20"))
                    @QueryParam("limit")
                    String limit) {
        Optional<Keyset.Cursor> cursor = Keyset.after(after, "nextCursor");
        int size = Keyset.limit(limit, DEFAULT_LIMIT, MAX_LIMIT);
        return coach.page(caller.id(), cursor.map(Keyset.Cursor::at), cursor.map(Keyset.Cursor::id), size + 1)
                .map(rows -> page(rows, size));
    }

    private static InsightPage page(List<CoachInsight> rows, int size) {
        Keyset.Page<CoachSummaryView> page =
                Keyset.page(rows, size, insight -> insight.createdAt, insight -> insight.id, CoachSummaryView::of);
        return new InsightPage(page.items(), page.nextCursor());
    }
}
