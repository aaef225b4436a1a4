package io.contentfactory.coach.api;

import io.contentfactory.coach.domain.FormatType;
import io.contentfactory.coach.domain.PlanFilter;
import io.contentfactory.coach.domain.PlanStatus;
import io.contentfactory.coach.service.DerivativePlanService;
import io.contentfactory.kit.api.ApiValues;
import io.contentfactory.kit.api.Keyset;
import io.contentfactory.kit.api.PathIds;
import io.contentfactory.kit.tenancy.CallerProject;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
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

/** {@code /v1/derivative-plans}: reached through the gateway. */
@Authenticated
@Path("/v1/derivative-plans")
@Produces(MediaType.APPLICATION_JSON)
public class DerivativePlanResource {

    private static final String PROBLEM = "application/problem+json";

    private final DerivativePlanService plans;
    private final CallerProject caller;

    DerivativePlanResource(DerivativePlanService plans, CallerProject caller) {
        this.plans = plans;
        this.caller = caller;
    }

    @Schema(name = "NewDerivativePlan")
    public record NewPlan(
            @Schema(description = "The media item to remake; may be null for a plan from a brief alone")
            String sourceMediaId,

            @Schema(description = "The brief it serves, if any")
            String briefId,

            @Schema(enumeration = {"broll_text", "face_cam", "faces_video", "explainer", "carousel"}) @NotBlank
            String formatType,

            @NotBlank @Size(max = 2_000) String instructions,
            @NotBlank @Size(max = 50) String targetPlatform,

            @Schema(description = "Seconds") @Min(1) @Max(3_600)
            Integer estimatedLengthSec) {}

    @Schema(name = "DerivativePlanChange")
    public record PlanChange(
            @Schema(enumeration = {"in_production", "completed"}) @NotBlank
            String status,

            @Schema(description = "completed: the media item made from the plan")
            String resultMediaId) {}

    @Schema(name = "DerivativePlanPage")
    public record PlanPage(
            List<DerivativePlanView> items,

            @Schema(description = "Pass as 'after' for the next page; null on the last")
            String nextCursor) {}

    @GET
    @Operation(operationId = "listDerivativePlans", summary = "The project's derivative-media plans, newest first")
    @APIResponse(
            responseCode = "200",
            description = "A page of plans",
            content =
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlanPage.class)))
    @APIResponse(
            responseCode = "400",
            description = "A bad filter, limit or cursor (codes invalid_status, invalid_id, invalid_limit,"
                    + " invalid_cursor)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem")))
    public Uni<PlanPage> list(
            @Parameter(
                            description = "Only plans in this status",
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            enumeration = {"planned", "in_production", "completed"}))
                    @QueryParam("status")
                    String status,
            @Parameter(description = "Only plans deriving from this media item") @QueryParam("sourceMediaId")
                    String sourceMediaId,
            @Parameter(description = "The nextCursor of the previous page") @QueryParam("after") String after,
            @Parameter(
                            description = "Plans per page, 1 to 100",
                            schema = @Schema(type = SchemaType.INTEGER, defaultValue = "20"))
                    @QueryParam("limit")
                    String limit) {
        Optional<Keyset.Cursor> cursor = Keyset.after(after, "nextCursor");
        int size = Keyset.limit(limit, CoachResource.DEFAULT_LIMIT, CoachResource.MAX_LIMIT);
        PlanFilter filter = new PlanFilter(
                Optional.ofNullable(status).map(DerivativePlanResource::status),
                Optional.ofNullable(sourceMediaId).map(PathIds::uuid),
                cursor.map(Keyset.Cursor::at),
                cursor.map(Keyset.Cursor::id));
        return plans.page(caller.id(), filter, size + 1).map(rows -> {
            Keyset.Page<DerivativePlanView> page =
                    Keyset.page(rows, size, plan -> plan.createdAt, plan -> plan.id, DerivativePlanView::of);
            return new PlanPage(page.items(), page.nextCursor());
        });
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "createDerivativePlan",
            summary = "Plan a derivative by hand",
            description = "The coach writes plans by itself with each own_top_post brief; this adds one.")
    @APIResponse(
            responseCode = "201",
            description = "The plan, planned",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = DerivativePlanView.class)))
    @APIResponse(
            responseCode = "400",
            description = "A missing or malformed field (codes invalid_format_type, invalid_id)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "404",
            description = "The brief named is not the key's project's (code brief_not_found)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem")))
    public Uni<Response> create(@Valid @NotNull NewPlan request) {
        DerivativePlanService.NewPlan plan = new DerivativePlanService.NewPlan(
                PathIds.uuidOrNull(request.briefId()),
                PathIds.uuidOrNull(request.sourceMediaId()),
                ApiValues.enumValue(FormatType.class, request.formatType(), "invalid_format_type"),
                request.instructions().strip(),
                request.targetPlatform().strip().toLowerCase(java.util.Locale.ROOT),
                request.estimatedLengthSec());
        return plans.plan(caller.id(), plan)
                .map(saved -> Response.status(Response.Status.CREATED)
                        .entity(DerivativePlanView.of(saved))
                        .header(HttpHeaders.LOCATION, "/v1/derivative-plans/" + saved.id)
                        .build());
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getDerivativePlan", summary = "One derivative-media plan")
    @APIResponse(
            responseCode = "200",
            description = "The plan",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = DerivativePlanView.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such plan in the key's project",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem")))
    public Uni<DerivativePlanView> get(@PathParam("id") String id) {
        return plans.get(caller.id(), PathIds.uuid(id)).map(DerivativePlanView::of);
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "updateDerivativePlan",
            summary = "Move a plan forward: planned -> in_production -> completed (with the resulting media id)",
            description = "A media item ingested with derivedFromPlanId completes its plan by itself.")
    @APIResponse(
            responseCode = "200",
            description = "The plan as it is now",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = DerivativePlanView.class)))
    @APIResponse(
            responseCode = "400",
            description = "An unknown status (invalid_status), a completion without resultMediaId"
                    + " (result_media_required) or a malformed id (invalid_id)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "404",
            description = "No such plan in the key's project",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "409",
            description = "The plan cannot move there from where it is (code plan_status_conflict)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem")))
    public Uni<DerivativePlanView> update(@PathParam("id") String id, @Valid @NotNull PlanChange change) {
        return plans.move(
                        caller.id(),
                        PathIds.uuid(id),
                        status(change.status()),
                        PathIds.uuidOrNull(change.resultMediaId()))
                .map(DerivativePlanView::of);
    }

    private static PlanStatus status(String value) {
        return ApiValues.enumValue(PlanStatus.class, value, "invalid_status");
    }
}
