package io.contentfactory.studio.api;

import io.contentfactory.kit.api.ApiValues;
import io.contentfactory.kit.api.Keyset;
import io.contentfactory.kit.api.PathIds;
import io.contentfactory.kit.tenancy.CallerProject;
import io.contentfactory.studio.domain.GenerationStatus;
import io.contentfactory.studio.service.GenerationService;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
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

/** {@code /v1/generations}: posts generated from a prompt, shot by shot, each shot's model chosen for it. */
@Authenticated
@Path("/v1/generations")
@Produces(MediaType.APPLICATION_JSON)
public class GenerationResource {

    private static final String PROBLEM = "application/problem+json";
    private static final int DEFAULT_LIMIT = 20;
    private static final int MAX_LIMIT = 100;

    private final GenerationService generations;
    private final CallerProject caller;

    GenerationResource(GenerationService generations, CallerProject caller) {
        this.generations = generations;
        this.caller = caller;
    }

    @Schema(name = "GenerationPage")
    public record GenerationPage(
            List<GenerationView> items,

            @Schema(description = "Pass as 'after' for the next page; null on the last")
            String nextCursor) {}

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "createGeneration",
            summary = "Generate a post: planned into shots, a model chosen per shot, the cost checked against the"
                    + " budget before any provider is called")
    @APIResponse(
            responseCode = "202",
            description = "Queued, with its shot list, models and estimated cost",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = GenerationView.class)))
    @APIResponse(
            responseCode = "400",
            description = "Malformed JSON or a value out of range (codes invalid_source, invalid_brief_id,"
                    + " invalid_plan_id, invalid_format, format_required, invalid_platform, platforms_required,"
                    + " invalid_aspect_ratio, invalid_length, validation_failed)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "404",
            description = "The project has no such brief or plan (codes brief_not_found, plan_not_found)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "409",
            description = "The month's budget, or the generation's cap, cannot pay for it (code budget_exceeded)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "422",
            description = "No model of the catalog makes one of the shots (code no_model_fits)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem")))
    public Uni<Response> create(@Valid @NotNull GenerationRequest request) {
        return generations
                .create(caller.id(), request.source(), request.draft())
                .map(created -> Response.accepted(GenerationView.of(created)).build());
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getGeneration", summary = "A generation: status, progress per shot, costs, the media id")
    @APIResponse(
            responseCode = "200",
            description = "The generation",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = GenerationView.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such generation in the key's project (code generation_not_found)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem")))
    public Uni<GenerationView> get(
            @Parameter(description = "The generation's id", schema = @Schema(format = "uuid")) @PathParam("id")
                    String id) {
        return generations.get(caller.id(), PathIds.uuid(id)).map(GenerationView::of);
    }

    @GET
    @Operation(operationId = "listGenerations", summary = "The project's generations, newest first")
    @APIResponse(
            responseCode = "200",
            description = "A page of generations",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = GenerationPage.class)))
    @APIResponse(
            responseCode = "400",
            description = "An unknown status, limit or cursor (codes invalid_status, invalid_limit, invalid_cursor)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem")))
    public Uni<GenerationPage> list(
            @Parameter(
                            description = "Only generations in this status",
                            schema =
                                    @Schema(
                                            enumeration = {
                                                "queued",
                                                "generating",
                                                "assembling",
                                                "completed",
                                                "failed",
                                                "cancelled"
                                            }))
                    @QueryParam("status")
                    String status,
            @Parameter(description = "The nextCursor of the previous page") @QueryParam("after") String after,
            @Parameter(
                            description = "Generations per page, 1 to 100",
                            schema = @Schema(type = SchemaType.INTEGER, defaultValue = "20"))
                    @QueryParam("limit")
                    String limit) {
        Optional<Keyset.Cursor> cursor = Keyset.after(after, "nextCursor");
        int size = Keyset.limit(limit, DEFAULT_LIMIT, MAX_LIMIT);
        Optional<GenerationStatus> only = Optional.ofNullable(status)
                .map(value -> ApiValues.enumValue(GenerationStatus.class, value, "invalid_status"));
        return generations
                .page(caller.id(), only, cursor.map(Keyset.Cursor::at), cursor.map(Keyset.Cursor::id), size + 1)
                .map(rows -> {
                    Keyset.Page<GenerationView> page = Keyset.page(
                            rows, size, g -> g.generation().createdAt, g -> g.generation().id, GenerationView::of);
                    return new GenerationPage(page.items(), page.nextCursor());
                });
    }

    @POST
    @Path("/{id}/cancel")
    @Operation(
            operationId = "cancelGeneration",
            summary = "Stop a generation: no further shot is submitted, and jobs at a provider are cancelled where"
                    + " the provider allows; an ended generation stays as it is")
    @APIResponse(
            responseCode = "200",
            description = "The generation as it is now",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = GenerationView.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such generation in the key's project (code generation_not_found)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem")))
    public Uni<GenerationView> cancel(
            @Parameter(description = "The generation's id", schema = @Schema(format = "uuid")) @PathParam("id")
                    String id) {
        return generations.cancel(caller.id(), PathIds.uuid(id)).map(GenerationView::of);
    }
}
