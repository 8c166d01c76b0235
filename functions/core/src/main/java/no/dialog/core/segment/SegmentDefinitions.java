package no.dialog.core.segment;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import no.dialog.core.contact.Problem;

/**
 * Reads a segment definition from the JSON the admin UI sends, checking every node. Problems carry
 * the path of the offending node ({@code all[1].op}) and a reason that never echoes a value.
 * <pre>{@code
 * var parsed = SegmentDefinitions.parse(mapper.readTree("""
 *     {"all":[{"field":"membership.type","op":"equals","value":"student"},
 *             {"field":"membership.examDate","op":"before","value":"today"}]}"""));
 * if (parsed.ok()) evaluator.matches(contact, parsed.criterion());
 * }</pre>
 *
 * <p>A node is exactly one of {@code {"all": [..]}}, {@code {"any": [..]}}, {@code {"not": {..}}} or
 * {@code {"field": .., "op": .., "value": ..}}. Groups must not be empty: an empty "all" would match
 * everyone, which is never what staff meant.
 */
public final class SegmentDefinitions {

    private static final Set<String> CONDITION_KEYS = Set.of("field", "op", "value");

    private SegmentDefinitions() {}

    /** The outcome: a criterion when {@link #ok()}, otherwise every problem found. */
    public record Parsed(Criterion criterion, List<Problem> problems) {
        public Parsed {
            problems = List.copyOf(problems);
        }

        public boolean ok() {
            return problems.isEmpty();
        }
    }

    public static Parsed parse(JsonNode root) {
        List<Problem> problems = new ArrayList<>();
        Criterion criterion = node(root, "", problems);
        return problems.isEmpty() ? new Parsed(criterion, List.of()) : new Parsed(null, problems);
    }

    private static Criterion node(JsonNode node, String path, List<Problem> problems) {
        if (node == null || !node.isObject()) {
            problems.add(new Problem(path, "must be an object with all, any, not or field"));
            return null;
        }
        if (node.has("all") || node.has("any")) {
            String key = node.has("all") ? "all" : "any";
            ConditionValues.onlyKeys(node, Set.of(key), path).ifPresent(problems::add);
            List<Criterion> children = group(node.get(key), join(path, key), problems);
            return key.equals("all") ? new Criterion.All(children) : new Criterion.Any(children);
        }
        if (node.has("not")) {
            ConditionValues.onlyKeys(node, Set.of("not"), path).ifPresent(problems::add);
            Criterion child = node(node.get("not"), join(path, "not"), problems);
            return child == null ? null : new Criterion.Not(child);
        }
        if (node.has("field") || node.has("op")) {
            return condition(node, path, problems);
        }
        problems.add(new Problem(path, "must have one of all, any, not or field"));
        return null;
    }

    private static List<Criterion> group(JsonNode array, String path, List<Problem> problems) {
        if (array == null || !array.isArray()) {
            problems.add(new Problem(path, "must be an array"));
            return List.of();
        }
        if (array.isEmpty()) {
            problems.add(new Problem(path, "must hold at least one criterion"));
            return List.of();
        }
        List<Criterion> children = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            Criterion child = node(array.get(i), path + "[" + i + "]", problems);
            if (child != null) {
                children.add(child);
            }
        }
        return children;
    }

    private static Criterion condition(JsonNode node, String path, List<Problem> problems) {
        int before = problems.size();
        ConditionValues.onlyKeys(node, CONDITION_KEYS, path).ifPresent(problems::add);
        JsonNode fieldNode = node.get("field");
        JsonNode opNode = node.get("op");
        JsonNode value = node.get("value");
        Optional<SegmentField> field = Optional.empty();
        if (fieldNode == null || !fieldNode.isTextual()) {
            problems.add(new Problem(join(path, "field"), "is required and must be text"));
        } else {
            field = SegmentFields.forCondition(fieldNode.asText(), value);
            if (field.isEmpty()) {
                problems.add(new Problem(join(path, "field"), "unknown field"));
            }
        }
        Optional<Operator> op = Optional.empty();
        if (opNode == null || !opNode.isTextual()) {
            problems.add(new Problem(join(path, "op"), "is required and must be text"));
        } else {
            op = Operator.fromJsonName(opNode.asText());
            if (op.isEmpty()) {
                problems.add(new Problem(join(path, "op"), "unknown operator"));
            }
        }
        if (field.isPresent() && op.isPresent()) {
            if (!field.get().operators().contains(op.get())) {
                problems.add(new Problem(join(path, "op"),
                        "not valid for a " + field.get().type().jsonName() + " field"));
            } else {
                ConditionValues.check(field.get(), op.get(), value)
                        .map(p -> new Problem(join(path, p.field()), p.reason()))
                        .ifPresent(problems::add);
            }
        }
        if (problems.size() > before) {
            return null;
        }
        return new Criterion.Condition(fieldNode.asText(), op.get(), value == null || value.isNull() ? null : value);
    }

    private static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }
}
