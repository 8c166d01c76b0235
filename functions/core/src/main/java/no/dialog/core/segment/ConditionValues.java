package no.dialog.core.segment;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import no.dialog.core.contact.Problem;

/**
 * Checks and reads the value of a condition. Checking and reading live together so that every value
 * the parser accepts is one the evaluator can read. Problem reasons describe the rule and never echo
 * the value.
 */
public final class ConditionValues {

    private static final Set<String> SPAN_UNITS = Set.of("days", "weeks", "months", "years");

    private ConditionValues() {}

    /** Why {@code value} does not fit {@code op} on {@code field}, with a path relative to the condition. */
    static Optional<Problem> check(SegmentField field, Operator op, JsonNode value) {
        boolean missing = value == null || value.isNull() || value.isMissingNode();
        if (op.takesNoValue()) {
            return missing ? Optional.empty() : problem("value", "must be left out for " + op.jsonName());
        }
        if (missing) {
            return problem("value", "is required for " + op.jsonName());
        }
        if (op.takesSpan()) {
            return checkSpan(value);
        }
        if (op == Operator.IN || op == Operator.BETWEEN) {
            if (!value.isArray() || value.isEmpty()) {
                return problem("value", "must be a non-empty array for " + op.jsonName());
            }
            if (op == Operator.BETWEEN && value.size() != 2) {
                return problem("value", "must be an array of two values (from, to) for between");
            }
            for (int i = 0; i < value.size(); i++) {
                Optional<Problem> p = checkScalar(field, value.get(i), "value[" + i + "]");
                if (p.isPresent()) {
                    return p;
                }
            }
            return Optional.empty();
        }
        return checkScalar(field, value, "value");
    }

    private static Optional<Problem> checkScalar(SegmentField field, JsonNode value, String path) {
        return switch (field.type()) {
            case TEXT, LIST -> value.isTextual() ? Optional.empty() : problem(path, "must be text");
            case NUMBER -> value.isNumber() ? Optional.empty() : problem(path, "must be a number");
            case BOOLEAN -> value.isBoolean() ? Optional.empty() : problem(path, "must be true or false");
            case ENUM -> value.isTextual() && field.allowedValues().contains(value.asText())
                    ? Optional.empty()
                    : problem(path, "must be one of " + String.join(", ", field.allowedValues()));
            case DATE -> checkDate(value, path);
            case JOURNEY, JOURNEY_STEP, ANSWER -> BehaviourConditions.checkScalar(field.type(), value, path);
        };
    }

    private static Optional<Problem> checkDate(JsonNode value, String path) {
        String rule = "must be a date (YYYY-MM-DD), \"today\" or {\"relative\": \"-P90D\"}";
        if (value.isTextual()) {
            if (value.asText().equals("today")) {
                return Optional.empty();
            }
            try {
                LocalDate.parse(value.asText());
                return Optional.empty();
            } catch (DateTimeParseException e) {
                return problem(path, rule);
            }
        }
        if (value.isObject()) {
            Optional<Problem> unknown = onlyKeys(value, Set.of("relative"), path);
            if (unknown.isPresent()) {
                return unknown;
            }
            JsonNode relative = value.get("relative");
            if (relative == null || !relative.isTextual()) {
                return problem(path + ".relative", "must be an ISO period such as -P90D or P1M");
            }
            try {
                Period.parse(relative.asText());
                return Optional.empty();
            } catch (DateTimeParseException e) {
                return problem(path + ".relative", "must be an ISO period such as -P90D or P1M");
            }
        }
        return problem(path, rule);
    }

    private static Optional<Problem> checkSpan(JsonNode value) {
        if (!value.isObject()) {
            return problem("value", "must be {\"amount\": <whole number>, \"unit\": \"days\"|\"weeks\"|\"months\"|\"years\"}");
        }
        Optional<Problem> unknown = onlyKeys(value, Set.of("amount", "unit"), "value");
        if (unknown.isPresent()) {
            return unknown;
        }
        JsonNode amount = value.get("amount");
        if (amount == null || !amount.isIntegralNumber() || !amount.canConvertToInt() || amount.asInt() < 0) {
            return problem("value.amount", "must be a whole number, 0 or more");
        }
        JsonNode unit = value.get("unit");
        if (unit == null || !unit.isTextual() || !SPAN_UNITS.contains(unit.asText())) {
            return problem("value.unit", "must be days, weeks, months or years");
        }
        return Optional.empty();
    }

    static Optional<Problem> onlyKeys(JsonNode node, Set<String> allowed, String path) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                // The key is chosen by staff, not personal data, so naming it is safe and helpful.
                return problem(path.isEmpty() ? name : path + "." + name, "unknown key");
            }
        }
        return Optional.empty();
    }

    private static Optional<Problem> problem(String path, String reason) {
        return Optional.of(new Problem(path, reason));
    }

    // ---- reading values that passed the check ----

    /** A date value: absolute, {@code "today"} or {@code {"relative": period}} from today. */
    public static LocalDate date(JsonNode value, LocalDate today) {
        if (value.isObject()) {
            return today.plus(Period.parse(value.get("relative").asText()));
        }
        String text = value.asText();
        return text.equals("today") ? today : LocalDate.parse(text);
    }

    /** The first day of a span back from today: {@code {"amount": 90, "unit": "days"}} gives today − 90 days. */
    public static LocalDate spanStart(JsonNode value, LocalDate today) {
        int amount = value.get("amount").asInt();
        return switch (value.get("unit").asText()) {
            case "days" -> today.minusDays(amount);
            case "weeks" -> today.minusWeeks(amount);
            case "months" -> today.minusMonths(amount);
            case "years" -> today.minusYears(amount);
            default -> throw new IllegalArgumentException("unknown span unit");
        };
    }

    public static BigDecimal number(Object value) {
        if (value instanceof BigDecimal d) {
            return d;
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return BigDecimal.valueOf(((Number) value).longValue());
        }
        return new BigDecimal(value.toString());
    }

    public static BigDecimal number(JsonNode value) {
        return value.decimalValue();
    }

    public static List<JsonNode> elements(JsonNode array) {
        ArrayList<JsonNode> list = new ArrayList<>(array.size());
        array.forEach(list::add);
        return list;
    }
}
