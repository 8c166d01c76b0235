package no.dialog.core.results.charts;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.OptionalDouble;

/** Reads the results JSON leniently: any field may be missing or null, and a chart draws what is there. */
final class Fields {

    private Fields() {}

    /** A counter; 0 when missing, null or not a number. */
    static long count(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && value.isNumber() ? value.asLong() : 0;
    }

    /** A number, empty when missing, null or not finite (an unbounded interval edge). */
    static OptionalDouble number(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || !value.isNumber() || !Double.isFinite(value.asDouble())) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(value.asDouble());
    }

    /** A text; null when missing or JSON null. */
    static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** An ISO date, or null when missing or not a date. */
    static LocalDate day(JsonNode node, String field) {
        String text = text(node, field);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException notADay) {
            return null;
        }
    }
}
