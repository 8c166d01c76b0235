package no.dialog.core.segment.snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import no.dialog.core.segment.Criterion;
import no.dialog.core.segment.FieldType;
import no.dialog.core.segment.Operator;
import no.dialog.core.segment.SegmentDefinitions;
import no.dialog.core.segment.SegmentField;
import no.dialog.core.segment.SegmentFields;

/**
 * Random segment definitions over the whole field registry (and custom attributes), every operator a
 * field's type allows, written as JSON and parsed by {@link SegmentDefinitions} as the admin UI's would
 * be, so only valid definitions are produced.
 */
final class RandomCriteria {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Random random;
    private final LocalDate around;
    private final List<SegmentField> fields = new ArrayList<>(SegmentFields.all());

    RandomCriteria(long seed, LocalDate around) {
        this.random = new Random(seed);
        this.around = around;
        for (String name : List.of("tier", "score", "vip", "missing")) {
            for (FieldType type : List.of(FieldType.TEXT, FieldType.NUMBER, FieldType.BOOLEAN)) {
                fields.add(SegmentFields.attribute(name, type));
            }
        }
    }

    /** Every field with every operator of its type, once each. */
    List<JsonNode> everyFieldAndOperator() {
        List<JsonNode> conditions = new ArrayList<>();
        for (SegmentField field : fields) {
            for (Operator op : Operator.values()) {
                if (field.operators().contains(op)) {
                    conditions.add(condition(field, op));
                }
            }
        }
        return conditions;
    }

    JsonNode tree(int depth) {
        if (depth == 0 || random.nextInt(100) < 45) {
            SegmentField field = fields.get(random.nextInt(fields.size()));
            List<Operator> ops = field.operators().stream().sorted().toList();
            return condition(field, ops.get(random.nextInt(ops.size())));
        }
        int kind = random.nextInt(3);
        if (kind == 2) {
            ObjectNode not = JSON.objectNode();
            not.set("not", tree(depth - 1));
            return not;
        }
        ObjectNode group = JSON.objectNode();
        ArrayNode children = group.putArray(kind == 0 ? "all" : "any");
        for (int i = 1 + random.nextInt(3); i > 0; i--) {
            children.add(tree(depth - 1));
        }
        return group;
    }

    /** A random behaviour condition ({@code journey.*}) joined to a random tree by all or any. */
    JsonNode treeWithBehaviour(int depth) {
        List<SegmentField> behaviour = fields.stream().filter(f -> f.type().isBehaviour()).toList();
        SegmentField field = pick(behaviour);
        List<Operator> ops = field.operators().stream().sorted().toList();
        ObjectNode group = JSON.objectNode();
        ArrayNode children = group.putArray(random.nextBoolean() ? "all" : "any");
        children.add(condition(field, pick(ops)));
        children.add(tree(depth));
        return group;
    }

    static Criterion parse(JsonNode json) {
        SegmentDefinitions.Parsed parsed = SegmentDefinitions.parse(json);
        if (!parsed.ok()) {
            throw new AssertionError("generated an invalid definition " + json + ": " + parsed.problems());
        }
        return parsed.criterion();
    }

    private JsonNode condition(SegmentField field, Operator op) {
        ObjectNode c = JSON.objectNode();
        c.put("field", field.id());
        c.put("op", op.jsonName());
        if (op.takesNoValue()) {
            return c;
        }
        if (op.takesSpan()) {
            ObjectNode span = c.putObject("value");
            span.put("amount", random.nextInt(30));
            span.put("unit", List.of("days", "weeks", "months", "years").get(random.nextInt(4)));
            return c;
        }
        if (op == Operator.IN || op == Operator.BETWEEN) {
            ArrayNode values = c.putArray("value");
            for (int i = op == Operator.BETWEEN ? 2 : 1 + random.nextInt(3); i > 0; i--) {
                values.add(scalar(field));
            }
            return c;
        }
        c.set("value", scalar(field));
        return c;
    }

    /** A random predicted condition ({@code predicted.*}) joined to a random tree by all or any. */
    JsonNode treeWithPrediction(int depth) {
        List<SegmentField> predicted = fields.stream().filter(f -> SegmentFields.isPredicted(f.id())).toList();
        SegmentField field = pick(predicted);
        List<Operator> ops = field.operators().stream().sorted().toList();
        ObjectNode group = JSON.objectNode();
        ArrayNode children = group.putArray(random.nextBoolean() ? "all" : "any");
        children.add(condition(field, pick(ops)));
        children.add(tree(depth));
        return group;
    }

    private JsonNode scalar(SegmentField field) {
        if (SegmentFields.isPredicted(field.id()) && field.type() == FieldType.NUMBER) {
            return predictedNumber(field.id());
        }
        return switch (field.type()) {
            case TEXT -> JSON.textNode(pick(RandomContacts.TEXTS));
            case LIST -> JSON.textNode(pick(RandomContacts.CODES));
            case ENUM -> JSON.textNode(pick(field.allowedValues()));
            case BOOLEAN -> JSON.booleanNode(random.nextBoolean());
            case NUMBER -> number();
            case DATE -> date();
            case JOURNEY -> JSON.textNode(pick(RandomHistories.JOURNEYS));
            case JOURNEY_STEP -> JSON.textNode(pick(RandomHistories.JOURNEYS) + "/" + pick(RandomHistories.STEPS));
            case ANSWER -> {
                ObjectNode answer = JSON.objectNode();
                answer.put("journey", pick(RandomHistories.JOURNEYS));
                answer.put("question", pick(RandomHistories.QUESTIONS));
                if (random.nextInt(4) > 0) {
                    answer.put("value", pick(RandomHistories.ANSWERS));
                }
                yield answer;
            }
        };
    }

    /**
     * Values a predicted field can hold, and some between them: probabilities from the pool
     * {@link RandomPredictions} draws from (eighths hold exactly as floats, tenths do not), deciles, hours.
     */
    private JsonNode predictedNumber(String id) {
        if (id.endsWith("Decile")) {
            return random.nextInt(5) == 0 ? JSON.numberNode(new BigDecimal("7.5")) : JSON.numberNode(1 + random.nextInt(10));
        }
        if (id.equals(SegmentFields.BEST_HOUR)) {
            return random.nextInt(6) == 0 ? JSON.numberNode(new BigDecimal("12.5")) : JSON.numberNode(random.nextInt(24));
        }
        return switch (random.nextInt(4)) {
            case 0 -> JSON.numberNode(new BigDecimal(random.nextInt(9)).divide(new BigDecimal(8)));
            case 1 -> JSON.numberNode(new BigDecimal(random.nextInt(11)).movePointLeft(1));
            case 2 -> JSON.numberNode(new BigDecimal(random.nextInt(101)).movePointLeft(2));
            default -> JSON.numberNode(new BigDecimal((double) RandomPredictions.pick(random)));
        };
    }

    private JsonNode number() {
        return switch (random.nextInt(6)) {
            case 0 -> JSON.numberNode(random.nextInt(100));
            case 1 -> JSON.numberNode(100L * random.nextInt(10));
            case 2 -> JSON.numberNode(new BigDecimal(random.nextInt(2000) - 100).movePointLeft(1));
            case 3 -> JSON.numberNode(new BigDecimal("2.5"));
            case 4 -> JSON.numberNode(random.nextInt(11) - 5);
            default -> JSON.numberNode(new BigDecimal("1e30").negate().multiply(BigDecimal.valueOf(random.nextInt(3) - 1)));
        };
    }

    private JsonNode date() {
        return switch (random.nextInt(4)) {
            case 0 -> JSON.textNode("today");
            case 1 -> {
                ObjectNode relative = JSON.objectNode();
                relative.put("relative", (random.nextBoolean() ? "-" : "") + "P" + random.nextInt(40)
                        + List.of("D", "W", "M", "Y").get(random.nextInt(4)));
                yield relative;
            }
            default -> JSON.textNode(around.plusDays(random.nextInt(3 * 365) - 2 * 365).toString());
        };
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    static String show(JsonNode json) {
        try {
            return MAPPER.writeValueAsString(json);
        } catch (Exception e) {
            return json.toString();
        }
    }
}
