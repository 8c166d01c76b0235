package no.dialog.local.template;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The values of the template's {@code Parameters}: the defaults, with the values given for this run
 * (e.g. {@code Stage=local}) on top. Given values are checked against {@code AllowedValues} and
 * {@code AllowedPattern} as CloudFormation would.
 */
final class ParameterValues {

    private final CloudFormationTemplate template;
    private final Map<String, String> values;

    private ParameterValues(CloudFormationTemplate template, Map<String, String> values) {
        this.template = template;
        this.values = values;
    }

    /** Defaults overridden by {@code given}, each given value checked first. */
    static ParameterValues of(CloudFormationTemplate template, Map<String, String> given) {
        Map<String, String> values = new LinkedHashMap<>();
        template.parameters().forEach((name, parameter) -> {
            if (parameter.defaultValue() != null) {
                values.put(name, parameter.defaultValue());
            }
        });
        given.forEach((name, value) -> {
            check(template, name, value);
            values.put(name, value);
        });
        return new ParameterValues(template, Map.copyOf(values));
    }

    /** These values, with {@code given} checked and set on top. */
    ParameterValues with(Map<String, String> given) {
        Map<String, String> merged = new LinkedHashMap<>(values);
        given.forEach((name, value) -> {
            check(template, name, value);
            merged.put(name, value);
        });
        return new ParameterValues(template, Map.copyOf(merged));
    }

    /** Fails with a clear message if the template has no such parameter or does not allow the value. */
    static void check(CloudFormationTemplate template, String name, String value) {
        TemplateParameter parameter = template.parameters().get(name);
        if (parameter == null) {
            throw new TemplateException("Cannot set parameter " + name + ": " + template.source()
                    + " has no such parameter (it has " + template.parameters().keySet() + ")");
        }
        if (!parameter.allowedValues().isEmpty() && !parameter.allowedValues().contains(value)) {
            throw new TemplateException("Parameter " + name + "=" + value + " is not one of " + parameter.allowedValues());
        }
        if (parameter.allowedPattern() != null && !value.matches(parameter.allowedPattern())) {
            throw new TemplateException("Parameter " + name + "=" + value + " does not match its AllowedPattern "
                    + parameter.allowedPattern());
        }
    }

    /** The parameter's value as text. */
    String value(String name) {
        String value = values.get(name);
        if (value != null) {
            return value;
        }
        if (!template.hasParameter(name)) {
            throw new TemplateException("Parameters." + name + " does not exist in " + template.source());
        }
        throw new TemplateException("Parameters." + name + " has no Default and no value was given;"
                + " pass one, e.g. IntrinsicResolver.builder(template).parameter(\"" + name + "\", ...)");
    }

    /** What {@code Ref} of the parameter gives: text, or a list for list-typed parameters. */
    Object refValue(String name) {
        String value = value(name);
        return template.parameters().get(name).isList() ? List.of(value.split("\\s*,\\s*")) : value;
    }
}
