package io.contentfactory.metrics.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.contentfactory.kit.api.ApiValues;
import io.contentfactory.kit.domain.DomainError;
import io.contentfactory.kit.tenancy.CallerProject;
import io.contentfactory.metrics.domain.ExportedCheckpoint;
import io.contentfactory.metrics.service.MetricsExport;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Multi;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestMulti;

/** {@code GET /v1/metrics/export}: every checkpoint due in a window with its metrics, streamed as CSV or NDJSON. */
@Authenticated
@Path("/v1/metrics/export")
public class MetricsExportResource {

    private static final String CSV = "text/csv";
    private static final String NDJSON = "application/x-ndjson";
    private static final CsvMapper CSV_MAPPER = csvMapper();
    private static final CsvSchema HEADER = columnsInRecordOrder();
    private static final ObjectWriter CSV_ROW = CSV_MAPPER.writer(HEADER.withoutHeader());
    private static final ObjectWriter JSON_ROW = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .writer();

    private final MetricsExport export;
    private final CallerProject caller;

    MetricsExportResource(MetricsExport export, CallerProject caller) {
        this.export = export;
        this.caller = caller;
    }

    @GET
    // No @Produces: the content type depends on the format asked for, and Quarkus REST takes it from the RestMulti.
    @Operation(
            operationId = "exportMetrics",
            summary = "Every checkpoint due in a window, with its metrics, as CSV or NDJSON",
            description = "One row per checkpoint in due order: its post, target, platform, account, format, state and"
                    + " reason, then what was read (empty where nothing was read or the platform did not report a"
                    + " metric) and the post-social score. Streamed; a window spans at most 366 days.")
    @APIResponse(
            responseCode = "200",
            description = "The rows",
            content = {
                @Content(
                        mediaType = CSV,
                        schema =
                                @Schema(
                                        type = SchemaType.STRING,
                                        description = "a header line, then a line a checkpoint")),
                @Content(mediaType = NDJSON, schema = @Schema(implementation = ExportedCheckpoint.class))
            })
    @APIResponse(
            responseCode = "400",
            description = "A malformed time, a window that ends before it starts or spans over a year, or an unknown"
                    + " format",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public RestMulti<String> export(
            @Parameter(description = "Start, inclusive (ISO-8601); 30 days ago by default") @QueryParam("from")
                    String from,
            @Parameter(description = "End, exclusive (ISO-8601); now by default") @QueryParam("to") String to,
            @Parameter(
                            schema =
                                    @Schema(
                                            enumeration = {"csv", "ndjson"},
                                            defaultValue = "csv"))
                    @QueryParam("format")
                    String format) {
        boolean csv = format == null
                || format.isBlank()
                || format.toLowerCase(Locale.ROOT).equals("csv");
        if (!csv && !format.toLowerCase(Locale.ROOT).equals("ndjson")) {
            throw new DomainError.Invalid("invalid_format", "format is csv or ndjson, not '" + format + "'");
        }
        Instant end = to == null ? Instant.now() : ApiValues.instant("to", to);
        Instant start = from == null ? end.minus(Duration.ofDays(30)) : ApiValues.instant("from", from);
        Multi<String> rows = export.rows(caller.id(), start, end).map(row -> csv ? csvLine(row) : jsonLine(row));
        Multi<String> body = csv
                ? Multi.createBy().concatenating().streams(Multi.createFrom().item(header()), rows)
                : rows;
        return RestMulti.fromMultiData(body)
                .header("Content-Type", csv ? CSV + "; charset=utf-8" : NDJSON)
                .header("Content-Disposition", "attachment; filename=\"metrics." + (csv ? "csv" : "ndjson") + "\"")
                .build();
    }

    private static CsvMapper csvMapper() {
        CsvMapper mapper = new CsvMapper();
        mapper.registerModule(new JavaTimeModule());
        mapper.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        return mapper;
    }

    /** The export's columns in the record's own order (a CsvMapper schema of its own would sort them by name). */
    private static CsvSchema columnsInRecordOrder() {
        CsvSchema.Builder columns = CsvSchema.builder();
        for (var component : ExportedCheckpoint.class.getRecordComponents()) {
            columns.addColumn(component.getName());
        }
        return columns.build().withHeader();
    }

    private static String header() {
        StringBuilder line = new StringBuilder();
        HEADER.forEach(column -> line.append(line.isEmpty() ? "" : ",").append(column.getName()));
        return line.append('\n').toString();
    }

    private static String csvLine(ExportedCheckpoint row) {
        try {
            return CSV_ROW.writeValueAsString(row);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String jsonLine(ExportedCheckpoint row) {
        try {
            return JSON_ROW.writeValueAsString(row) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
