package io.contentfactory.coach.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.contentfactory.coach.domain.PatternRow;
import io.contentfactory.kit.domain.DomainError;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads an uploaded pattern file into rows, each with its line number. CSV has a header row of snake_case names
 * ({@code hook_text}, {@code length_sec}...) and one {@code metric_<name>} column per source figure; NDJSON has one
 * JSON object a line in this API's camelCase, its figures in {@code sourceMetrics}. A CSV header naming an unknown
 * column refuses the whole file; a row that cannot be read becomes a row with a fault, so it is reported by its line.
 */
final class PatternFile {

    static final String CSV = "text/csv";
    static final String NDJSON = "application/x-ndjson";
    static final String METRIC_COLUMN = "metric_";

    private static final CsvMapper CSV_MAPPER = new CsvMapper();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Each pattern field by its CSV column ({@code hook_text} for {@code hookText}), named as Jackson names it. */
    private static final Map<String, String> FIELD_OF_COLUMN = PatternRow.FIELDS.stream()
            .collect(Collectors.toUnmodifiableMap(
                    field -> new PropertyNamingStrategies.SnakeCaseStrategy().translate(field), field -> field));

    private PatternFile() {}

    static List<PatternRow> csv(String body) {
        List<PatternRow> rows = new ArrayList<>();
        try (JsonParser parser = CSV_MAPPER
                .readerFor(String[].class)
                .with(CsvSchema.emptySchema())
                .with(CsvParser.Feature.WRAP_AS_ARRAY)
                .createParser(body)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw empty();
            }
            List<String> header = null;
            while (parser.nextToken() == JsonToken.START_ARRAY) {
                int[] line = {0};
                List<String> cells = cells(parser, line);
                if (header == null) {
                    header = header(cells);
                } else if (!cells.stream().allMatch(String::isBlank)) {
                    rows.add(csvRow(line[0], header, cells));
                }
            }
            if (header == null) {
                throw empty();
            }
        } catch (JsonProcessingException e) {
            throw new DomainError.Invalid("malformed_csv", "the CSV cannot be read: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new DomainError.Invalid("malformed_csv", "the CSV cannot be read: " + e.getMessage());
        }
        return rows;
    }

    static List<PatternRow> ndjson(String body) {
        List<PatternRow> rows = new ArrayList<>();
        String[] lines = body.split("\r?\n", -1);
        for (int index = 0; index < lines.length; index++) {
            if (!lines[index].isBlank()) {
                rows.add(jsonRow(index + 1, lines[index]));
            }
        }
        return rows;
    }

    /** The row's cells; {@code line} gets the line its first cell starts on (a quoted cell may span lines). */
    private static List<String> cells(JsonParser parser, int[] line) throws IOException {
        List<String> cells = new ArrayList<>();
        while (parser.nextToken() == JsonToken.VALUE_STRING) {
            if (cells.isEmpty()) {
                line[0] = parser.currentTokenLocation().getLineNr();
            }
            cells.add(parser.getText());
        }
        return cells;
    }

    private static List<String> header(List<String> cells) {
        List<String> names = cells.stream()
                .map(cell -> cell.strip().toLowerCase(Locale.ROOT))
                .toList();
        List<String> unknown = names.stream()
                .filter(name -> !name.startsWith(METRIC_COLUMN) && !FIELD_OF_COLUMN.containsKey(name))
                .toList();
        if (!unknown.isEmpty()) {
            throw new DomainError.Invalid(
                    "unknown_column",
                    "unknown CSV column(s) " + unknown + "; the columns are "
                            + FIELD_OF_COLUMN.keySet().stream().sorted().toList()
                            + " and metric_<name> for each source figure");
        }
        if (names.stream().distinct().count() != names.size()) {
            throw new DomainError.Invalid("duplicate_column", "a CSV column is named twice: " + names);
        }
        return names;
    }

    private static PatternRow csvRow(int line, List<String> header, List<String> cells) {
        Map<String, String> fields = new HashMap<>();
        Map<String, String> metrics = new LinkedHashMap<>();
        List<String> faults = new ArrayList<>();
        if (cells.size() > header.size()) {
            faults.add("row has " + cells.size() + " cells, the header " + header.size());
        }
        for (int column = 0; column < Math.min(cells.size(), header.size()); column++) {
            String name = header.get(column);
            if (name.startsWith(METRIC_COLUMN)) {
                metrics.put(name.substring(METRIC_COLUMN.length()), cells.get(column));
            } else {
                fields.put(FIELD_OF_COLUMN.get(name), cells.get(column));
            }
        }
        return new PatternRow(line, fields, metrics, faults);
    }

    private static PatternRow jsonRow(int line, String text) {
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return faulty(line, "not a JSON object: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            return faulty(line, "not a JSON object");
        }
        Map<String, String> fields = new HashMap<>();
        Map<String, String> metrics = new LinkedHashMap<>();
        List<String> faults = new ArrayList<>();
        node.properties().forEach(field -> {
            String name = field.getKey();
            JsonNode value = field.getValue();
            if (name.equals("sourceMetrics")) {
                figures(value, metrics, faults);
            } else if (value.isNull()) {
                // An absent optional field, written out.
            } else if (value.isValueNode()) {
                fields.put(name, value.asText());
            } else {
                faults.add(name + ": a string or a number, not "
                        + value.getNodeType().name().toLowerCase(Locale.ROOT));
            }
        });
        return new PatternRow(line, fields, metrics, faults);
    }

    private static void figures(JsonNode value, Map<String, String> metrics, List<String> faults) {
        if (value.isNull()) {
            return;
        }
        if (!value.isObject()) {
            faults.add("sourceMetrics: an object of figures by name");
            return;
        }
        value.properties().forEach(figure -> {
            if (figure.getValue().isNumber() || figure.getValue().isTextual()) {
                metrics.put(figure.getKey(), figure.getValue().asText());
            } else if (figure.getValue().isNull()) {
                // A figure the source did not have.
            } else {
                faults.add("sourceMetrics." + figure.getKey() + ": a number");
            }
        });
    }

    private static PatternRow faulty(int line, String fault) {
        return new PatternRow(line, Map.of(), Map.of(), List.of(fault));
    }

    private static DomainError.Invalid empty() {
        return new DomainError.Invalid("empty_file", "the file has no header row");
    }
}
