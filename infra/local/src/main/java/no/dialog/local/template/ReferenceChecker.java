package no.dialog.local.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Walks the whole unresolved template and reports every reference to something that does not exist:
 * {@code Ref}, {@code Fn::GetAtt} (and its attribute), {@code Fn::Sub} variables, {@code Fn::If} and
 * resource conditions, {@code DependsOn}. The aliases SAM generates for {@code AutoPublishAlias}
 * ({@code <Function>Aliaslive}) exist too.
 */
final class ReferenceChecker {

    private final CloudFormationTemplate template;
    private final List<String> problems = new ArrayList<>();

    ReferenceChecker(CloudFormationTemplate template) {
        this.template = template;
    }

    List<String> problems() {
        problems.clear();
        template.resources().values().forEach(resource -> {
            String path = "Resources." + resource.logicalId();
            walk(resource.properties(), path + ".Properties");
            for (String dependency : resource.dependsOn()) {
                if (!template.hasResource(dependency)) {
                    problems.add(path + ".DependsOn: " + dependency + " names no resource");
                }
            }
            if (resource.condition() != null && !template.conditions().containsKey(resource.condition())) {
                problems.add(path + ".Condition: " + resource.condition() + " names no entry under Conditions");
            }
        });
        walk(template.conditions(), "Conditions");
        walk(template.outputs(), "Outputs");
        walk(template.globals(), "Globals");
        return List.copyOf(problems);
    }

    private void walk(Object value, String path) {
        String function = Intrinsics.functionName(value);
        if (function != null) {
            checkFunction(function, Intrinsics.argument(value), path);
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, item) -> walk(item, path + "." + key));
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                walk(list.get(i), path + "[" + i + "]");
            }
        }
    }

    private void checkFunction(String function, Object argument, String path) {
        switch (function) {
            case Intrinsics.REF -> {
                if (argument instanceof String name) {
                    checkName(name, path + " (Ref)");
                }
            }
            case Intrinsics.GET_ATT -> checkGetAtt(argument, path + " (Fn::GetAtt)");
            case Intrinsics.SUB -> checkSub(argument, path + " (Fn::Sub)");
            case "Fn::If" -> {
                if (argument instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof String condition
                        && !template.conditions().containsKey(condition)) {
                    problems.add(path + " (Fn::If): condition " + condition + " names no entry under Conditions");
                }
            }
            default -> {
                // Other functions only combine values; their arguments are walked like any other value.
            }
        }
    }

    private void checkName(String name, String path) {
        if (!PseudoParameters.isPseudoParameter(name) && !template.hasParameter(name) && !template.hasResource(name)
                && template.functionOfAlias(name).isEmpty()) {
            problems.add(path + ": " + name + " names no resource, parameter or pseudo parameter");
        }
    }

    private void checkGetAtt(Object argument, String path) {
        String logicalId;
        Object attribute;
        if (argument instanceof List<?> list && list.size() == 2 && list.get(0) instanceof String id) {
            logicalId = id;
            attribute = list.get(1);
        } else if (argument instanceof String text && text.indexOf('.') > 0) {
            logicalId = text.substring(0, text.indexOf('.'));
            attribute = text.substring(text.indexOf('.') + 1);
        } else {
            problems.add(path + ": needs [Resource, Attribute], not " + Describe.shapeOf(argument));
            return;
        }
        checkAttribute(logicalId, attribute, path);
    }

    private void checkAttribute(String logicalId, Object attribute, String path) {
        Optional<TemplateResource> resource = template.resource(logicalId);
        if (resource.isEmpty() && template.functionOfAlias(logicalId).isPresent()) {
            return; // an alias SAM generates: its attributes are AWS::Lambda::Alias's, which this does not list
        }
        if (resource.isEmpty()) {
            problems.add(path + ": " + logicalId + " names no resource");
            return;
        }
        if (!(attribute instanceof String name)) {
            return; // computed attribute names cannot be checked without resolving
        }
        Optional<Set<String>> known = ResourceTypes.attributesOf(resource.get().type());
        if (known.isPresent() && !known.get().contains(name)) {
            problems.add(path + ": " + logicalId + " is a " + resource.get().type() + ", which has no attribute " + name
                    + " (it has " + known.get() + ")");
        }
    }

    private void checkSub(Object argument, String path) {
        String text;
        Map<?, ?> variables = Map.of();
        if (argument instanceof String single) {
            text = single;
        } else if (argument instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof String first) {
            text = first;
            variables = list.size() > 1 ? RawTree.map(list.get(1)) : Map.of();
        } else {
            return;
        }
        for (String variable : SubstitutionString.parse(text).variables()) {
            if (variables.containsKey(variable) || PseudoParameters.isPseudoParameter(variable)
                    || template.hasParameter(variable) || template.hasResource(variable)
                    || template.functionOfAlias(variable).isPresent()) {
                continue;
            }
            int dot = variable.indexOf('.');
            if (dot > 0) {
                checkAttribute(variable.substring(0, dot), variable.substring(dot + 1), path + " ${" + variable + "}");
            } else {
                problems.add(path + ": ${" + variable + "} names no resource, parameter or pseudo parameter");
            }
        }
    }
}
