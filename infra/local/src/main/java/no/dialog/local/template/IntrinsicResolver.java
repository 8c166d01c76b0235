package no.dialog.local.template;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns template values that contain intrinsic functions into plain values, the way CloudFormation would
 * when deploying the stack locally.
 *
 * <p>It knows the template's parameters (defaults, overridable: {@code Stage=local}), the pseudo parameters
 * ({@code AWS::AccountId} is {@value PseudoParameters#ACCOUNT_ID}, {@code AWS::Region} is
 * {@value PseudoParameters#REGION}) and asks a {@link PhysicalIds} what resources are. Without one it uses
 * names and ARNs planned from the template, which covers everything except what exists only after
 * provisioning (queue URLs, stream ARNs); after provisioning, call {@link #withPhysicalIds(PhysicalIds)}
 * with the provisioner's result.
 *
 * <p>Supported: {@code Ref}, {@code Fn::GetAtt}, {@code Fn::Sub} (both forms, {@code ${!Literal}}
 * escapes), {@code Fn::Join}, {@code Fn::Select}, {@code Fn::Split}, {@code Fn::If} with
 * {@code Conditions}, {@code Fn::Equals}, {@code Fn::Not}, {@code Fn::And}, {@code Fn::Or},
 * {@code Fn::FindInMap}, {@code Fn::Base64}, {@code Fn::GetAZs}, {@code Fn::ToJsonString}; {@code Ref} of the
 * alias SAM generates for {@code AutoPublishAlias} ({@code !Ref SyncFunctionAliaslive}) gives the function's ARN
 * with the alias as qualifier. Anything it
 * cannot resolve raises a {@link TemplateException} naming the property path, e.g.
 * {@code Resources.SyncFunction.Properties.Environment.Variables.CONTACTS_TABLE}.
 */
public final class IntrinsicResolver {

    /** Marks a value removed by {@code Ref: AWS::NoValue}; never returned to callers. */
    static final Object NO_VALUE = new Object();

    private final CloudFormationTemplate template;
    private final ParameterValues parameters;
    private final String stackName;
    private final PhysicalIds physicalIds;
    private final Conditions conditions;

    private IntrinsicResolver(
            CloudFormationTemplate template, ParameterValues parameters, String stackName, PhysicalIds physicalIds) {
        this.template = template;
        this.parameters = parameters;
        this.conditions = new Conditions(template, this::resolveValue);
        this.stackName = stackName;
        this.physicalIds = physicalIds != null ? physicalIds : new NamedResourceIds(new ResourceNamer(template, this));
    }

    public static Builder builder(CloudFormationTemplate template) {
        return new Builder(template);
    }

    /** A resolver with the same parameters that asks {@code ids} what resources are. */
    public IntrinsicResolver withPhysicalIds(PhysicalIds ids) {
        return new IntrinsicResolver(template, parameters, stackName, Objects.requireNonNull(ids));
    }

    /**
     * A resolver with these parameters set on top of the current ones, for values known only once part of
     * the stack runs (e.g. the gateway's port for a provider sandbox's URL). Each value is checked.
     */
    public IntrinsicResolver withParameters(Map<String, String> values) {
        return new IntrinsicResolver(template, parameters.with(values), stackName, physicalIds);
    }

    public CloudFormationTemplate template() {
        return template;
    }

    public String stackName() {
        return stackName;
    }

    public PhysicalIds physicalIds() {
        return physicalIds;
    }

    /** The value of a parameter: the one given for this run if any, else the template's default. */
    public String parameter(String name) {
        return parameters.value(name);
    }

    /**
     * Resolves a value tree: maps and lists are copied with every intrinsic replaced by its value, and
     * properties set to {@code AWS::NoValue} left out. Returns {@code null} if the whole value is NoValue.
     *
     * @param path where the value sits in the template, for error messages
     */
    public Object resolve(Object value, String path) {
        Object resolved = resolveValue(value, path);
        return resolved == NO_VALUE ? null : resolved;
    }

    /** Resolves a value that must end up a string (numbers and booleans are turned into text). */
    public String resolveString(Object value, String path) {
        return asString(resolveValue(value, path), path);
    }

    /** Whether the named entry under {@code Conditions} holds. */
    public boolean conditionHolds(String name) {
        return conditions.holds(name);
    }

    /** Whether a resource exists in this deployment: it has no {@code Condition}, or its condition holds. */
    public boolean isIncluded(TemplateResource resource) {
        return resource.condition() == null || conditionHolds(resource.condition());
    }

    private Object resolveValue(Object value, String path) {
        String function = Intrinsics.functionName(value);
        if (function != null) {
            return resolveFunction(function, Intrinsics.argument(value), path);
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> resolved = new LinkedHashMap<>();
            map.forEach((key, item) -> {
                Object itemValue = resolveValue(item, path + "." + key);
                if (itemValue != NO_VALUE) {
                    resolved.put(String.valueOf(key), itemValue);
                }
            });
            return Collections.unmodifiableMap(resolved);
        }
        if (value instanceof List<?> list) {
            List<Object> resolved = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                Object itemValue = resolveValue(list.get(i), path + "[" + i + "]");
                if (itemValue != NO_VALUE) {
                    resolved.add(itemValue);
                }
            }
            return Collections.unmodifiableList(resolved);
        }
        return value;
    }

    private Object resolveFunction(String function, Object argument, String path) {
        String here = path + " (" + function + ")";
        return switch (function) {
            case Intrinsics.REF -> ref(asString(resolveValue(argument, here), here), here);
            case Intrinsics.GET_ATT -> getAtt(argument, here);
            case Intrinsics.SUB -> sub(argument, here);
            case "Fn::Join" -> join(argument, here);
            case "Fn::Select" -> select(argument, here);
            case "Fn::Split" -> split(argument, here);
            case "Fn::If" -> ifThenElse(argument, here);
            case "Fn::Equals", "Fn::Not", "Fn::And", "Fn::Or" -> conditions.evaluate(Map.of(function, argument), path);
            case "Fn::FindInMap" -> findInMap(argument, here);
            case "Fn::Base64" -> Base64.getEncoder().encodeToString(
                    resolveString(argument, here).getBytes(StandardCharsets.UTF_8));
            case "Fn::GetAZs" -> List.of(PseudoParameters.REGION + "a", PseudoParameters.REGION + "b",
                    PseudoParameters.REGION + "c");
            case "Fn::ToJsonString" -> Json.write(resolve(argument, here));
            case "Fn::ImportValue" -> throw new TemplateException(here
                    + ": Fn::ImportValue reads another stack's outputs, which the local stack does not have");
            default -> throw new TemplateException(here + ": the local stack does not support " + function);
        };
    }

    private Object ref(String name, String path) {
        if (PseudoParameters.isPseudoParameter(name)) {
            return pseudoParameter(name);
        }
        if (template.hasParameter(name)) {
            return parameters.refValue(name);
        }
        Optional<String> aliased = template.functionOfAlias(name);
        if (aliased.isPresent()) {
            return aliasArn(aliased.get(), path);
        }
        if (!template.hasResource(name)) {
            throw new TemplateException(path + ": Ref " + name
                    + " names no parameter, resource or pseudo parameter in " + template.source());
        }
        return physicalIds.ref(name).orElseThrow(() -> new TemplateException(path + ": Ref " + name
                + " (" + typeOf(name) + ") has no known value yet; queue URLs and stream ARNs exist only"
                + " after provisioning, so resolve this with the provisioned resources"));
    }

    /**
     * What {@code Ref} of a SAM-generated alias gives in AWS: the function's ARN qualified with the alias name.
     * Locally an alias is its function (there are no versions), so whatever reads this ARN runs the function.
     */
    private String aliasArn(String functionLogicalId, String path) {
        String functionArn = getAtt(functionLogicalId, "Arn", path);
        return functionArn + ":" + template.autoPublishAlias(functionLogicalId).orElseThrow();
    }

    private Object getAtt(Object argument, String path) {
        Object resolved = resolveValue(argument, path);
        List<?> parts;
        if (resolved instanceof String text && text.indexOf('.') > 0) {
            parts = List.of(text.substring(0, text.indexOf('.')), text.substring(text.indexOf('.') + 1));
        } else if (resolved instanceof List<?> list && list.size() == 2) {
            parts = list;
        } else {
            throw new TemplateException(path + ": Fn::GetAtt needs [Resource, Attribute], not "
                    + Describe.shapeOf(resolved));
        }
        String logicalId = asString(parts.get(0), path);
        String attribute = asString(parts.get(1), path);
        return getAtt(logicalId, attribute, path);
    }

    private String getAtt(String logicalId, String attribute, String path) {
        TemplateResource resource = template.resource(logicalId).orElseThrow(() -> new TemplateException(
                path + ": Fn::GetAtt " + logicalId + "." + attribute + " names no resource in "
                        + template.source()));
        Optional<Set<String>> known = ResourceTypes.attributesOf(resource.type());
        if (known.isPresent() && !known.get().contains(attribute)) {
            throw new TemplateException(path + ": Fn::GetAtt " + logicalId + "." + attribute + ": "
                    + resource.type() + " has no attribute " + attribute + " (it has " + known.get() + ")");
        }
        return physicalIds.getAtt(logicalId, attribute).orElseThrow(() -> new TemplateException(path
                + ": Fn::GetAtt " + logicalId + "." + attribute + " (" + resource.type()
                + ") has no known value yet; it exists only after provisioning"));
    }

    private String sub(Object argument, String path) {
        String text;
        Map<String, Object> variables = Map.of();
        if (argument instanceof String single) {
            text = single;
        } else if (argument instanceof List<?> list && list.size() == 2 && list.get(0) instanceof String first
                && list.get(1) instanceof Map<?, ?> map) {
            text = first;
            variables = castMap(map);
        } else {
            throw new TemplateException(path + ": Fn::Sub needs a string or [string, {variables}], not "
                    + Describe.shapeOf(argument));
        }
        StringBuilder result = new StringBuilder();
        for (SubstitutionString.Part part : SubstitutionString.parse(text).parts()) {
            if (part instanceof SubstitutionString.Literal literal) {
                result.append(literal.text());
            } else {
                String name = ((SubstitutionString.Variable) part).name();
                result.append(subVariable(name, variables, path));
            }
        }
        return result.toString();
    }

    private String subVariable(String name, Map<String, Object> variables, String path) {
        String here = path + " ${" + name + "}";
        if (variables.containsKey(name)) {
            return resolveString(variables.get(name), here);
        }
        if (PseudoParameters.isPseudoParameter(name) || template.hasParameter(name) || template.hasResource(name)
                || template.functionOfAlias(name).isPresent()) {
            return asString(ref(name, here), here);
        }
        int dot = name.indexOf('.');
        if (dot > 0 && template.hasResource(name.substring(0, dot))) {
            return getAtt(name.substring(0, dot), name.substring(dot + 1), here);
        }
        throw new TemplateException(here + ": names no parameter, resource, Resource.Attribute or"
                + " pseudo parameter in " + template.source());
    }

    private String join(Object argument, String path) {
        List<?> arguments = arguments(argument, 2, "[delimiter, [values]]", path);
        String delimiter = resolveString(arguments.get(0), path);
        List<String> values = new ArrayList<>();
        for (Object item : resolveList(arguments.get(1), path)) {
            values.add(asString(item, path));
        }
        return String.join(delimiter, values);
    }

    private Object select(Object argument, String path) {
        List<?> arguments = arguments(argument, 2, "[index, [values]]", path);
        String index = resolveString(arguments.get(0), path);
        List<?> values = resolveList(arguments.get(1), path);
        int position;
        try {
            position = Integer.parseInt(index);
        } catch (NumberFormatException e) {
            throw new TemplateException(path + ": Fn::Select index '" + index + "' is not a number");
        }
        if (position < 0 || position >= values.size()) {
            throw new TemplateException(path + ": Fn::Select index " + position + " is outside the list of "
                    + values.size());
        }
        return values.get(position);
    }

    private List<String> split(Object argument, String path) {
        List<?> arguments = arguments(argument, 2, "[delimiter, string]", path);
        String delimiter = resolveString(arguments.get(0), path);
        String source = resolveString(arguments.get(1), path);
        return List.of(source.split(Pattern.quote(delimiter), -1));
    }

    private Object ifThenElse(Object argument, String path) {
        List<?> arguments = arguments(argument, 3, "[condition, valueIfTrue, valueIfFalse]", path);
        String condition = resolveString(arguments.get(0), path);
        return resolveValue(arguments.get(conditionHolds(condition) ? 1 : 2), path);
    }

    private Object findInMap(Object argument, String path) {
        List<?> arguments = arguments(argument, 3, "[MapName, TopLevelKey, SecondLevelKey]", path);
        String mapName = resolveString(arguments.get(0), path);
        String topKey = resolveString(arguments.get(1), path);
        String secondKey = resolveString(arguments.get(2), path);
        if (template.mappings().get(mapName) instanceof Map<?, ?> map
                && map.get(topKey) instanceof Map<?, ?> second && second.containsKey(secondKey)) {
            return resolveValue(second.get(secondKey), path);
        }
        throw new TemplateException(path + ": Fn::FindInMap finds no Mappings." + mapName + "." + topKey + "."
                + secondKey);
    }

    private Object pseudoParameter(String name) {
        return switch (name) {
            case "AWS::AccountId" -> PseudoParameters.ACCOUNT_ID;
            case "AWS::Region" -> PseudoParameters.REGION;
            case "AWS::StackName" -> stackName;
            case "AWS::StackId" -> "arn:aws:cloudformation:" + PseudoParameters.REGION + ":"
                    + PseudoParameters.ACCOUNT_ID + ":stack/" + stackName + "/local";
            case "AWS::Partition" -> PseudoParameters.PARTITION;
            case "AWS::URLSuffix" -> PseudoParameters.URL_SUFFIX;
            case "AWS::NotificationARNs" -> List.of();
            case PseudoParameters.NO_VALUE -> NO_VALUE;
            default -> throw new IllegalStateException("unhandled pseudo parameter " + name);
        };
    }

    private List<?> resolveList(Object value, String path) {
        Object resolved = resolveValue(value, path);
        if (resolved instanceof List<?> list) {
            return list;
        }
        throw new TemplateException(path + ": expected a list, but got " + Describe.shapeOf(resolved));
    }

    static List<?> arguments(Object argument, int count, String shape, String path) {
        if (argument instanceof List<?> list && list.size() == count) {
            return list;
        }
        throw new TemplateException(path + ": needs " + shape + ", not " + Describe.shapeOf(argument));
    }

    private static String asString(Object value, String path) {
        if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            return String.valueOf(value);
        }
        if (value == NO_VALUE) {
            throw new TemplateException(path + ": AWS::NoValue where a value is needed");
        }
        throw new TemplateException(path + ": expected a string, but got " + Describe.shapeOf(value));
    }

    private String typeOf(String logicalId) {
        return template.resource(logicalId).map(TemplateResource::type).orElse("?");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }

    /** Collects parameter values and where physical ids come from. */
    public static final class Builder {
        private final CloudFormationTemplate template;
        private final Map<String, String> overrides = new LinkedHashMap<>();
        private String stackName = "dialog-local";
        private PhysicalIds physicalIds;

        private Builder(CloudFormationTemplate template) {
            this.template = Objects.requireNonNull(template);
        }

        /** Overrides a parameter's default, e.g. {@code parameter("Stage", "local")}. */
        public Builder parameter(String name, String value) {
            ParameterValues.check(template, name, value);
            overrides.put(name, value);
            return this;
        }

        public Builder parameters(Map<String, String> values) {
            values.forEach(this::parameter);
            return this;
        }

        /** The value of {@code AWS::StackName}, and the prefix of names the template leaves to CloudFormation. */
        public Builder stackName(String name) {
            this.stackName = Objects.requireNonNull(name);
            return this;
        }

        /** Where {@code Ref}/{@code Fn::GetAtt} of resources come from; by default, planned from the template. */
        public Builder physicalIds(PhysicalIds ids) {
            this.physicalIds = ids;
            return this;
        }

        public IntrinsicResolver build() {
            return new IntrinsicResolver(template, ParameterValues.of(template, overrides), stackName, physicalIds);
        }
    }
}
