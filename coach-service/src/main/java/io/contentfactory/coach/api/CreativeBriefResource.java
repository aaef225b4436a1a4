package io.contentfactory.coach.api;

import io.contentfactory.coach.domain.BriefContent;
import io.contentfactory.coach.domain.BriefFilter;
import io.contentfactory.coach.domain.BriefSource;
import io.contentfactory.coach.domain.CreativeBrief;
import io.contentfactory.coach.service.BriefService;
import io.contentfactory.kit.api.ApiValues;
import io.contentfactory.kit.api.Keyset;
import io.contentfactory.kit.api.PathIds;
import io.contentfactory.kit.domain.DomainError;
import io.contentfactory.kit.tenancy.CallerProject;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
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

/** {@code /v1/creative-briefs}: reached through the gateway. */
@Authenticated
@Path("/v1/creative-briefs")
@Produces(MediaType.APPLICATION_JSON)
public class CreativeBriefResource {

    private static final String PROBLEM = "application/problem+json";
    static final int MAX_PROMPT = 2_000;

    private final BriefService briefs;
    private final CallerProject caller;

    CreativeBriefResource(BriefService briefs, CallerProject caller) {
        this.briefs = briefs;
        this.caller = caller;
    }

    @Schema(name = "NewCreativeBrief")
    public record NewBrief(
            @Schema(enumeration = {"prompt_only", "own_top_post", "kalodata_product"}) @NotBlank
            String sourceType,

            @Schema(description = "prompt_only: what the brief is about") @Size(max = MAX_PROMPT)
            String prompt,

            @Schema(description = "prompt_only: who it is for (optional)") @Size(max = 500)
            String targetAudience,

            @Schema(description = "own_top_post: the media item whose post beat its account's baseline")
            String mediaId,

            @Schema(description = "kalodata_product: the imported pattern")
            String patternId) {}

    @Schema(
            name = "CreativeBriefChange",
            description = "Set fields replace the brief's; absent ones stay. An object (scriptOutline,"
                    + " visualDirections, postingGuidance) replaces that whole part: send it complete.")
    public record BriefChange(
            Boolean readyForUse,
            @Size(min = 1, max = 200) String angleName,
            @Size(min = 1, max = 500) String targetAudience,
            @Size(min = 1, max = 1_000) String corePromise,
            @Size(min = 1, max = 10) List<@NotBlank @Size(max = 300) String> hookIdeas,
            @Valid ScriptOutline scriptOutline,
            @Valid VisualDirections visualDirections,
            @Valid PostingGuidance postingGuidance) {

        boolean empty() {
            return readyForUse == null
                    && angleName == null
                    && targetAudience == null
                    && corePromise == null
                    && hookIdeas == null
                    && scriptOutline == null
                    && visualDirections == null
                    && postingGuidance == null;
        }

        CreativeBrief.BriefEdit edit() {
            return new CreativeBrief.BriefEdit(
                    readyForUse,
                    angleName,
                    targetAudience,
                    corePromise,
                    hookIdeas,
                    scriptOutline == null
                            ? null
                            : new BriefContent.ScriptOutline(
                                    scriptOutline.intro, scriptOutline.body, scriptOutline.cta),
                    visualDirections == null
                            ? null
                            : new BriefContent.VisualDirections(
                                    visualDirections.broll, visualDirections.faceCam, visualDirections.textOverlays),
                    postingGuidance == null
                            ? null
                            : new BriefContent.PostingGuidance(
                                    postingGuidance.platformPriority,
                                    postingGuidance.frequency,
                                    postingGuidance.timeWindowHint));
        }
    }

    @Schema(name = "ScriptOutlineChange")
    public record ScriptOutline(
            @Size(max = 20) List<@NotBlank @Size(max = 500) String> intro,
            @Size(max = 20) List<@NotBlank @Size(max = 500) String> body,
            @Size(max = 20) List<@NotBlank @Size(max = 500) String> cta) {}

    @Schema(name = "VisualDirectionsChange")
    public record VisualDirections(
            @Size(max = 20) List<@NotBlank @Size(max = 500) String> broll,
            @Size(max = 20) List<@NotBlank @Size(max = 500) String> faceCam,
            @Size(max = 20) List<@NotBlank @Size(max = 500) String> textOverlays) {}

    @Schema(name = "PostingGuidanceChange")
    public record PostingGuidance(
            @Size(max = 10) List<@NotBlank @Size(max = 50) String> platformPriority,
            @Size(max = 500) String frequency,
            @Size(max = 500) String timeWindowHint) {}

    @Schema(name = "CreativeBriefPage")
    public record BriefPage(
            List<CreativeBriefView> items,

            @Schema(description = "Pass as 'after' for the next page; null on the last")
            String nextCursor) {}

    @GET
    @Operation(operationId = "listCreativeBriefs", summary = "The project's creative briefs, newest first")
    @APIResponse(
            responseCode = "200",
            description = "A page of briefs",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = BriefPage.class)))
    @APIResponse(
            responseCode = "400",
            description = "A bad filter, limit or cursor (codes invalid_source, invalid_ready, invalid_limit,"
                    + " invalid_cursor)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem")))
    public Uni<BriefPage> list(
            @Parameter(
                            description = "Only briefs of this source",
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            enumeration = {"kalodata_product", "own_top_post", "prompt_only"}))
                    @QueryParam("source")
                    String source,
            @Parameter(description = "Only briefs marked (true) or not marked (false) ready for use")
                    @QueryParam("ready")
                    String ready,
            @Parameter(description = "The nextCursor of the previous page") @QueryParam("after") String after,
            @Parameter(
                            description = "Briefs per page, 1 to 100",
                            schema = @Schema(type = SchemaType.INTEGER, defaultValue = "20"))
                    @QueryParam("limit")
                    String limit) {
        Optional<Keyset.Cursor> cursor = Keyset.after(after, "nextCursor");
        int size = Keyset.limit(limit, CoachResource.DEFAULT_LIMIT, CoachResource.MAX_LIMIT);
        BriefFilter filter = new BriefFilter(
                Optional.ofNullable(source)
                        .map(value -> ApiValues.enumValue(BriefSource.class, value, "invalid_source")),
                Optional.ofNullable(ready).map(CreativeBriefResource::flag),
                cursor.map(Keyset.Cursor::at),
                cursor.map(Keyset.Cursor::id));
        return briefs.page(caller.id(), filter, size + 1).map(rows -> {
            Keyset.Page<CreativeBriefView> page =
                    Keyset.page(rows, size, brief -> brief.createdAt, brief -> brief.id, CreativeBriefView::of);
            return new BriefPage(page.items(), page.nextCursor());
        });
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getCreativeBrief", summary = "One creative brief")
    @APIResponse(
            responseCode = "200",
            description = "The brief",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = CreativeBriefView.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such brief in the key's project",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem")))
    public Uni<CreativeBriefView> get(@PathParam("id") String id) {
        return briefs.get(caller.id(), PathIds.uuid(id)).map(CreativeBriefView::of);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "createCreativeBrief",
            summary = "Write a creative brief from a prompt (prompt_only), from a media item that beat its baseline"
                    + " (own_top_post, with its derivative plans) or from an imported top-performer pattern"
                    + " (kalodata_product)")
    @APIResponse(
            responseCode = "201",
            description = "The brief",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = CreativeBriefView.class)))
    @APIResponse(
            responseCode = "400",
            description = "A missing or malformed field (codes invalid_source_type, prompt_required,"
                    + " media_id_required, pattern_id_required, invalid_id)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "404",
            description = "The coach knows no such media item, or no such pattern (code pattern_not_found), in the"
                    + " key's project",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "409",
            description = "The media item already has its own_top_post brief (code brief_exists)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "422",
            description = "No post of the media item beat its account's baseline (code not_a_top_post)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem")))
    public Uni<Response> create(@Valid @NotNull NewBrief request) {
        return briefs.create(caller.id(), request(request))
                .map(brief -> Response.status(Response.Status.CREATED)
                        .entity(CreativeBriefView.of(brief))
                        .header(HttpHeaders.LOCATION, "/v1/creative-briefs/" + brief.id)
                        .build());
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "updateCreativeBrief", summary = "Mark a brief ready for use, or edit its parts")
    @APIResponse(
            responseCode = "200",
            description = "The brief as it is now",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = CreativeBriefView.class)))
    @APIResponse(
            responseCode = "400",
            description = "Nothing to change (code empty_change), or a field out of bounds",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "404",
            description = "No such brief in the key's project",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem")))
    public Uni<CreativeBriefView> update(@PathParam("id") String id, @Valid @NotNull BriefChange change) {
        if (change.empty()) {
            throw new DomainError.Invalid("empty_change", "name at least one field to change");
        }
        return briefs.edit(caller.id(), PathIds.uuid(id), change.edit()).map(CreativeBriefView::of);
    }

    private static BriefService.BriefRequest request(NewBrief request) {
        BriefSource source = ApiValues.enumValue(BriefSource.class, request.sourceType(), "invalid_source_type");
        return switch (source) {
            case PROMPT_ONLY -> {
                if (request.prompt() == null || request.prompt().isBlank()) {
                    throw new DomainError.Invalid("prompt_required", "a prompt_only brief needs a prompt");
                }
                yield new BriefService.BriefRequest.FromPrompt(request.prompt(), request.targetAudience());
            }
            case OWN_TOP_POST -> {
                if (request.mediaId() == null) {
                    throw new DomainError.Invalid("media_id_required", "an own_top_post brief needs a mediaId");
                }
                yield new BriefService.BriefRequest.FromTopPost(PathIds.uuid(request.mediaId()));
            }
            case KALODATA_PRODUCT -> {
                if (request.patternId() == null) {
                    throw new DomainError.Invalid(
                            "pattern_id_required",
                            "a kalodata_product brief needs the patternId of an imported pattern");
                }
                yield new BriefService.BriefRequest.FromPattern(PathIds.uuid(request.patternId()));
            }
        };
    }

    private static boolean flag(String value) {
        return switch (value.strip()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new DomainError.Invalid("invalid_ready", "ready is true or false");
        };
    }
}
