package io.contentfactory.coach.domain;

import io.contentfactory.kit.domain.WireEnum;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One row of a pattern import as its file gave it: text by field name (this API's camelCase), the source's figures by
 * name, and what was wrong with the row before its fields could be read (a malformed JSON line). {@link #validated}
 * checks it field by field and reports every fault at once.
 *
 * @param line the row's line in the file, from 1
 */
public record PatternRow(int line, Map<String, String> fields, Map<String, String> metrics, List<String> faults) {

    public static final int MAX_HOOK = 300;
    public static final int MAX_TEXT = 200;
    public static final int MAX_REFERENCE = 500;
    public static final int MAX_LENGTH_SEC = 3_600;
    public static final int MAX_METRICS = 20;

    /** The fields a row may carry; anything else is a fault (a misspelt column must not vanish silently). */
    public static final Set<String> FIELDS = Set.of(
            "hookText",
            "introStyle",
            "lengthSec",
            "format",
            "productCategory",
            "priceMin",
            "priceMax",
            "currency",
            "angle",
            "sourceReference");

    private static final Pattern METRIC_NAME = Pattern.compile("[a-z][a-z0-9_]{0,39}");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    public PatternRow {
        fields = Map.copyOf(fields);
        metrics = Map.copyOf(metrics);
        faults = List.copyOf(faults);
    }

    /** The row's outcome: its fields, or every fault found in it. */
    public sealed interface Checked {
        int line();
    }

    public record Accepted(int line, TopPattern.PatternFields fields) implements Checked {}

    public record Rejected(int line, List<String> errors) implements Checked {
        public Rejected {
            errors = List.copyOf(errors);
        }
    }

    public Checked validated() {
        List<String> errors = new ArrayList<>(faults);
        fields.keySet().stream()
                .filter(name -> !FIELDS.contains(name))
                .sorted()
                .forEach(name -> errors.add(name + ": not a pattern field"));
        String hook = text("hookText", MAX_HOOK, true, errors);
        String intro = text("introStyle", MAX_TEXT, false, errors);
        Integer length = whole("lengthSec", errors);
        FormatType format = format(errors);
        String category = text("productCategory", MAX_TEXT, false, errors);
        BigDecimal priceMin = amount("priceMin", errors);
        BigDecimal priceMax = amount("priceMax", errors);
        if (priceMin != null && priceMax != null && priceMin.compareTo(priceMax) > 0) {
            errors.add("priceMin: above priceMax");
        }
        String currency = currency(priceMin != null || priceMax != null, errors);
        PatternAngle angle = angle(errors);
        String reference = text("sourceReference", MAX_REFERENCE, true, errors);
        Map<String, BigDecimal> figures = figures(errors);
        if (!errors.isEmpty()) {
            return new Rejected(line, errors);
        }
        return new Accepted(
                line,
                new TopPattern.PatternFields(
                        hook, intro, length, format, category, priceMin, priceMax, currency, angle, figures,
                        reference));
    }

    private String value(String name) {
        String value = fields.get(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private String text(String name, int max, boolean required, List<String> errors) {
        String value = value(name);
        if (value == null) {
            if (required) {
                errors.add(name + ": required");
            }
            return null;
        }
        if (value.length() > max) {
            errors.add(name + ": longer than " + max + " characters");
            return null;
        }
        return value;
    }

    private Integer whole(String name, List<String> errors) {
        String value = value(name);
        if (value == null) {
            return null;
        }
        try {
            BigDecimal seconds = new BigDecimal(value);
            int whole = seconds.setScale(0, java.math.RoundingMode.HALF_UP).intValueExact();
            if (whole < 1 || whole > MAX_LENGTH_SEC) {
                errors.add(name + ": between 1 and " + MAX_LENGTH_SEC + " seconds");
                return null;
            }
            return whole;
        } catch (NumberFormatException | ArithmeticException e) {
            errors.add(name + ": not a number of seconds (\"" + clipped(value) + "\")");
            return null;
        }
    }

    private FormatType format(List<String> errors) {
        String value = value("format");
        if (value == null) {
            errors.add("format: required");
            return null;
        }
        return WireEnum.loosely(FormatType.class, value).orElseGet(() -> {
            errors.add("format: one of " + wires(FormatType.class) + " (\"" + clipped(value) + "\")");
            return null;
        });
    }

    private PatternAngle angle(List<String> errors) {
        String value = value("angle");
        if (value == null) {
            errors.add("angle: required");
            return null;
        }
        return PatternAngle.parse(value).orElseGet(() -> {
            errors.add("angle: one of " + wires(PatternAngle.class) + " (\"" + clipped(value) + "\")");
            return null;
        });
    }

    private BigDecimal amount(String name, List<String> errors) {
        String value = value(name);
        if (value == null) {
            return null;
        }
        BigDecimal amount = decimal(value);
        if (amount == null || amount.signum() < 0) {
            errors.add(name + ": not an amount of 0 or more (\"" + clipped(value) + "\")");
            return null;
        }
        return amount;
    }

    private String currency(boolean priced, List<String> errors) {
        String value = value("currency");
        if (value == null) {
            return null;
        }
        String code = value.toUpperCase(Locale.ROOT);
        if (!CURRENCY.matcher(code).matches()) {
            errors.add("currency: a three-letter ISO 4217 code (\"" + clipped(value) + "\")");
            return null;
        }
        if (!priced) {
            errors.add("currency: given without priceMin or priceMax");
        }
        return code;
    }

    private Map<String, BigDecimal> figures(List<String> errors) {
        if (metrics.size() > MAX_METRICS) {
            errors.add("sourceMetrics: more than " + MAX_METRICS + " figures");
            return Map.of();
        }
        Map<String, BigDecimal> figures = new LinkedHashMap<>();
        metrics.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> {
            String name = entry.getKey();
            if (!METRIC_NAME.matcher(name).matches()) {
                errors.add("sourceMetrics." + clipped(name) + ": a name of lower-case letters, digits and _");
                return;
            }
            if (entry.getValue() == null || entry.getValue().isBlank()) {
                return;
            }
            BigDecimal figure = decimal(entry.getValue().strip());
            if (figure == null || figure.signum() < 0) {
                errors.add("sourceMetrics." + name + ": not a number of 0 or more (\"" + clipped(entry.getValue())
                        + "\")");
                return;
            }
            figures.put(name, figure);
        });
        return figures;
    }

    private static BigDecimal decimal(String value) {
        try {
            BigDecimal number = new BigDecimal(value);
            return number.precision() - number.scale() > 15 || number.scale() > 4 ? null : number;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static <E extends Enum<E> & WireEnum> String wires(Class<E> type) {
        return String.join(", ", WireEnum.wires(type));
    }

    private static String clipped(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }
}
