package no.dialog.local.template;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Evaluates the template's {@code Conditions} ({@code Fn::Equals}, {@code Fn::Not}, {@code Fn::And},
 * {@code Fn::Or}, {@code {Condition: name}}), remembering each result. Values inside them (a {@code Ref} to
 * {@code Stage}, say) are resolved by the {@link IntrinsicResolver} that owns this.
 */
final class Conditions {

    /** Resolves a value found inside a condition; the resolver's own value resolution. */
    @FunctionalInterface
    interface ValueResolver {
        Object resolve(Object value, String path);
    }

    private final CloudFormationTemplate template;
    private final ValueResolver values;
    private final Map<String, Boolean> results = new ConcurrentHashMap<>();
    // Per thread, so evaluating conditions needs no lock (a lock here could deadlock against the resource namer's).
    private final ThreadLocal<Set<String>> inProgress = ThreadLocal.withInitial(LinkedHashSet::new);

    Conditions(CloudFormationTemplate template, ValueResolver values) {
        this.template = template;
        this.values = values;
    }

    /** Whether the named entry under {@code Conditions} holds. */
    boolean holds(String name) {
        Boolean known = results.get(name);
        if (known != null) {
            return known;
        }
        String path = "Conditions." + name;
        if (!template.conditions().containsKey(name)) {
            throw new TemplateException(path + " does not exist, but a resource or Fn::If names it");
        }
        Set<String> evaluating = inProgress.get();
        if (!evaluating.add(name)) {
            throw new TemplateException(path + " depends on itself: " + evaluating);
        }
        try {
            boolean holds = evaluate(template.conditions().get(name), path);
            results.put(name, holds);
            return holds;
        } finally {
            evaluating.remove(name);
        }
    }

    /** A condition expression: Fn::Equals/Not/And/Or, {Condition: name}, or anything resolving to a boolean. */
    boolean evaluate(Object value, String path) {
        if (value instanceof Map<?, ?> map && map.size() == 1 && map.get("Condition") instanceof String name) {
            return holds(name);
        }
        String function = Intrinsics.functionName(value);
        if (function == null) {
            return asBoolean(values.resolve(value, path), path);
        }
        Object argument = Intrinsics.argument(value);
        String here = path + " (" + function + ")";
        switch (function) {
            case "Fn::Equals": {
                List<?> arguments = IntrinsicResolver.arguments(argument, 2, "[value, value]", here);
                return comparable(values.resolve(arguments.get(0), here))
                        .equals(comparable(values.resolve(arguments.get(1), here)));
            }
            case "Fn::Not":
                return !evaluate(IntrinsicResolver.arguments(argument, 1, "[condition]", here).get(0), here);
            case "Fn::And":
                for (Object condition : conditionList(argument, here)) {
                    if (!evaluate(condition, here)) {
                        return false;
                    }
                }
                return true;
            case "Fn::Or":
                for (Object condition : conditionList(argument, here)) {
                    if (evaluate(condition, here)) {
                        return true;
                    }
                }
                return false;
            default:
                return asBoolean(values.resolve(value, path), path);
        }
    }

    private static List<?> conditionList(Object argument, String path) {
        if (argument instanceof List<?> list && !list.isEmpty()) {
            return list;
        }
        throw new TemplateException(path + " needs a list of conditions");
    }

    private static boolean asBoolean(Object value, String path) {
        if (value instanceof Boolean bool) {
            return bool;
        }
        if ("true".equals(value) || "false".equals(value)) {
            return Boolean.parseBoolean((String) value);
        }
        throw new TemplateException(path + ": expected a condition (true or false), but got " + Describe.shapeOf(value));
    }

    /** Fn::Equals compares as CloudFormation does: 1 and "1" are equal. */
    private static Object comparable(Object value) {
        return value instanceof Number || value instanceof Boolean ? String.valueOf(value) : value;
    }
}
