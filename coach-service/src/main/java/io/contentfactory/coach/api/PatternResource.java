package io.contentfactory.coach.api;

import io.contentfactory.coach.domain.FormatType;
import io.contentfactory.coach.domain.PatternAngle;
import io.contentfactory.coach.domain.PatternFilter;
import io.contentfactory.coach.domain.PatternRow;
import io.contentfactory.coach.service.PatternService;
import io.contentfactory.kit.api.ApiValues;
import io.contentfactory.kit.api.Keyset;
import io.contentfactory.kit.api.PathIds;
import io.contentfactory.kit.domain.DomainError;
import io.contentfactory.kit.tenancy.CallerProject;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** {@code /v1/patterns}: top-performer patterns (the seed's Kalodata input), reached through the gateway. */
@Authenticated
@Path("/v1/patterns")
@Produces(MediaType.APPLICATION_JSON)
public class PatternResource {

    private static final String PROBLEM = "application/problem+json";

    private final PatternService patterns;
    private final CallerProject caller;

    PatternResource(PatternService patterns, CallerProject caller) {
        this.patterns = patterns;
        this.caller = caller;
    }

    @Schema(name = "PatternImport")
    public record ImportView(
            UUID importId,

            @Schema(description = "Patterns new to the project")
            int created,

            @Schema(description = "Patterns whose sourceReference was already imported: their fields were replaced")
            int updated,

            @Schema(description = "The rows not imported, by line (the header is line 1 of a CSV)")
            List<RejectedRow> rejected) {}

    @Schema(name = "RejectedPatternRow")
    public record RejectedRow(int line, List<String> errors) {}

    @Schema(name = "TopPatternPage")
    public record PatternPage(
            List<PatternView> items,

            @Schema(description = "Pass as 'after' for the next page; null on the last")
            String nextCursor) {}

    @Schema(name = "PatternDeletion")
    public record Deletion(int deleted) {}

    @POST
    @Consumes({PatternFile.CSV, PatternFile.NDJSON})
    @Operation(
            operationId = "importPatterns",
            summary = "Import top-performer patterns from CSV or NDJSON; rows are checked one by one")
    @RequestBody(
            description = "CSV: a header row of hook_text, intro_style, length_sec, format, product_category,"
                    + " price_min, price_max, currency, angle, source_reference and one metric_<name> column per"
                    + " source figure (metric_views, metric_gmv...). NDJSON: one object a line with the same fields"
                    + " in camelCase and the figures in sourceMetrics. hookText, format, angle and sourceReference"
                    + " are required; a sourceReference already imported updates that pattern. At most "
                    + PatternService.MAX_ROWS + " rows.",
            content = {
                @Content(mediaType = PatternFile.CSV, schema = @Schema(type = SchemaType.STRING)),
                @Content(mediaType = PatternFile.NDJSON, schema = @Schema(type = SchemaType.STRING))
            })
    @APIResponse(
            responseCode = "201",
            description = "The good rows were imported; any bad ones are listed with their line and faults",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ImportView.class)))
    @APIResponse(
            responseCode = "400",
            description = "The file cannot be read, or has no rows (codes malformed_csv, unknown_column,"
                    + " duplicate_column, empty_file, no_rows)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "413",
            description = "More rows than an import may hold (code too_many_rows)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "422",
            description = "No row is a valid pattern; nothing was imported, errors.rows lists each line's faults"
                    + " (code no_valid_rows)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem")))
    public Uni<Response> importPatterns(@HeaderParam(HttpHeaders.CONTENT_TYPE) MediaType type, String body) {
        List<PatternRow> rows = type != null && type.isCompatible(MediaType.valueOf(PatternFile.NDJSON))
                ? PatternFile.ndjson(body == null ? "" : body)
                : PatternFile.csv(body == null ? "" : body);
        return patterns.importRows(caller.id(), rows)
                .map(outcome -> Response.status(Response.Status.CREATED)
                        .entity(new ImportView(
                                outcome.importId(),
                                outcome.created(),
                                outcome.updated(),
                                outcome.rejected().stream()
                                        .map(row -> new RejectedRow(row.line(), row.errors()))
                                        .toList()))
                        .header(HttpHeaders.LOCATION, "/v1/patterns?importId=" + outcome.importId())
                        .build());
    }

    @GET
    @Operation(operationId = "listPatterns", summary = "The project's top-performer patterns, newest first")
    @APIResponse(
            responseCode = "200",
            description = "A page of patterns",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PatternPage.class)))
    @APIResponse(
            responseCode = "400",
            description = "A bad filter, limit or cursor (codes invalid_angle, invalid_format, invalid_id,"
                    + " invalid_limit, invalid_cursor)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem")))
    public Uni<PatternPage> list(
            @Parameter(description = "Only patterns of this angle") @QueryParam("angle") String angle,
            @Parameter(description = "Only patterns of this format") @QueryParam("format") String format,
            @Parameter(description = "Only patterns of this product category, exactly") @QueryParam("productCategory")
                    String productCategory,
            @Parameter(description = "Only the patterns an import last wrote") @QueryParam("importId") String importId,
            @Parameter(description = "The nextCursor of the previous page") @QueryParam("after") String after,
            @Parameter(
                            description = "Patterns per page, 1 to 100",
                            schema = @Schema(type = SchemaType.INTEGER, defaultValue = "20"))
                    @QueryParam("limit")
                    String limit) {
        Optional<Keyset.Cursor> cursor = Keyset.after(after, "nextCursor");
        int size = Keyset.limit(limit, CoachResource.DEFAULT_LIMIT, CoachResource.MAX_LIMIT);
        PatternFilter filter = new PatternFilter(
                Optional.ofNullable(angle)
                        .map(value -> PatternAngle.parse(value)
                                .orElseThrow(() -> new DomainError.Invalid(
                                        "invalid_angle", "'" + value + "' is not a pattern angle"))),
                Optional.ofNullable(format)
                        .map(value -> ApiValues.enumValue(FormatType.class, value, "invalid_format")),
                Optional.ofNullable(productCategory).map(String::strip),
                Optional.ofNullable(importId).map(PathIds::uuid),
                cursor.map(Keyset.Cursor::at),
                cursor.map(Keyset.Cursor::id));
        return patterns.page(caller.id(), filter, size + 1).map(rows -> {
            Keyset.Page<PatternView> page =
                    Keyset.page(rows, size, pattern -> pattern.createdAt, pattern -> pattern.id, PatternView::of);
            return new PatternPage(page.items(), page.nextCursor());
        });
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getPattern", summary = "One top-performer pattern")
    @APIResponse(
            responseCode = "200",
            description = "The pattern",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PatternView.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such pattern in the key's project (code pattern_not_found)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem")))
    public Uni<PatternView> get(@PathParam("id") String id) {
        return patterns.get(caller.id(), PathIds.uuid(id)).map(PatternView::of);
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "deletePattern", summary = "Delete one pattern; analysis stops comparing media with it")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(
            responseCode = "404",
            description = "No such pattern in the key's project (code pattern_not_found)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem")))
    public Uni<Response> delete(@PathParam("id") String id) {
        return patterns.delete(caller.id(), PathIds.uuid(id))
                .replaceWith(() -> Response.noContent().build());
    }

    @DELETE
    @Operation(operationId = "deletePatternImport", summary = "Delete the patterns an import last wrote")
    @APIResponse(
            responseCode = "200",
            description = "How many were deleted (0 when the import wrote none, or they are gone already)",
            content =
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Deletion.class)))
    @APIResponse(
            responseCode = "400",
            description = "No importId, or a malformed one (codes import_id_required, invalid_id)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem")))
    public Uni<Deletion> deleteImport(
            @Parameter(description = "The import whose patterns go", required = true) @QueryParam("importId")
                    String importId) {
        if (importId == null || importId.isBlank()) {
            throw new DomainError.Invalid(
                    "import_id_required", "name the import whose patterns go (importId); there is no delete-all");
        }
        return patterns.deleteImport(caller.id(), PathIds.uuid(importId)).map(Deletion::new);
    }
}
