package no.dialog.local.template;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * A parsed CloudFormation/SAM template, as the local stack reads it from {@code template.yaml}.
 *
 * <p>Short-form tags ({@code !Ref}, {@code !Sub}, ...) are turned into their long form while parsing, and
 * SAM {@code Globals} are applied to serverless functions (and HTTP APIs), so {@link #resources()} shows
 * the properties each resource really gets. {@link #raw()} keeps the file's tree as written (long form).
 * Nothing is resolved here; that is the {@link IntrinsicResolver}'s job.
 */
public final class CloudFormationTemplate {

    private final String source;
    private final Map<String, Object> raw;
    private final Map<String, TemplateParameter> parameters;
    private final Map<String, TemplateResource> resources;
    private final Map<String, String> aliases;
    private final SamGlobals globals;

    private CloudFormationTemplate(String source, Map<String, Object> raw) {
        this.source = source;
        this.raw = Immutable.copyOf(raw);
        this.globals = new SamGlobals(section(this.raw, "Globals"));
        this.parameters = readParameters(section(this.raw, "Parameters"));
        this.resources = readResources(section(this.raw, "Resources"));
        this.aliases = readAliases(resources);
    }

    /** Reads and parses a template file. */
    public static CloudFormationTemplate load(Path file) {
        try {
            return parse(Files.readString(file), file.toString());
        } catch (IOException e) {
            throw new TemplateException("Cannot read template " + file + ": " + e.getMessage(), e);
        }
    }

    /** Parses template text; {@code source} only names it in error messages. */
    public static CloudFormationTemplate parse(String yaml, String source) {
        LoaderOptions options = new LoaderOptions();
        // CloudFormation rejects duplicate keys; silently keeping the last one would hide a mistake.
        options.setAllowDuplicateKeys(false);
        Yaml parser = new Yaml(new CloudFormationConstructor(options));
        Object root;
        try {
            root = parser.load(yaml);
        } catch (YAMLException e) {
            throw new TemplateException("Template " + source + " is not valid YAML: " + e.getMessage(), e);
        }
        if (!(root instanceof Map<?, ?> map)) {
            throw new TemplateException("Template " + source + " must be a YAML map at the top level");
        }
        return new CloudFormationTemplate(source, castMap(map));
    }

    public static CloudFormationTemplate parse(String yaml) {
        return parse(yaml, "(inline template)");
    }

    /** Where the template came from, for messages. */
    public String source() {
        return source;
    }

    /** The whole tree as parsed (maps, lists, strings, numbers, booleans), intrinsics in long form; read-only. */
    public Map<String, Object> raw() {
        return raw;
    }

    public Map<String, TemplateParameter> parameters() {
        return parameters;
    }

    /** All resources, in the order of the file, with SAM globals applied. */
    public Map<String, TemplateResource> resources() {
        return resources;
    }

    public Optional<TemplateResource> resource(String logicalId) {
        return Optional.ofNullable(resources.get(logicalId));
    }

    public boolean hasResource(String logicalId) {
        return resources.containsKey(logicalId);
    }

    /**
     * The function behind an alias that SAM generates: a serverless function with {@code AutoPublishAlias: live}
     * gets an {@code AWS::Lambda::Alias} with the logical id {@code <Function>Aliaslive}, which a template may
     * {@code Ref} (its ARN) though it is not written under {@code Resources}. Locally there are no versions, so an
     * alias is its function. Empty if {@code logicalId} is no such alias.
     */
    public Optional<String> functionOfAlias(String logicalId) {
        return Optional.ofNullable(aliases.get(logicalId));
    }

    /** The alias name SAM publishes the function under ({@code AutoPublishAlias}, Globals applied), if any. */
    public Optional<String> autoPublishAlias(String functionLogicalId) {
        return resource(functionLogicalId)
                .filter(function -> function.isOfType(ResourceTypes.SERVERLESS_FUNCTION))
                .map(function -> function.properties().get("AutoPublishAlias"))
                .filter(String.class::isInstance)
                .map(String.class::cast);
    }

    public boolean hasParameter(String name) {
        return parameters.containsKey(name);
    }

    /** The resources of any of the given types, in file order. */
    public List<TemplateResource> resourcesOfType(String... types) {
        List<TemplateResource> matching = new ArrayList<>();
        for (TemplateResource resource : resources.values()) {
            if (resource.isOfType(types)) {
                matching.add(resource);
            }
        }
        return matching;
    }

    public Map<String, Object> conditions() {
        return section(raw, "Conditions");
    }

    public Map<String, Object> mappings() {
        return section(raw, "Mappings");
    }

    public Map<String, Object> outputs() {
        return section(raw, "Outputs");
    }

    /** The {@code Globals} section as written. */
    public Map<String, Object> globals() {
        return section(raw, "Globals");
    }

    /** Properties of the API SAM creates implicitly for {@code HttpApi} events without an {@code ApiId}. */
    public Map<String, Object> implicitHttpApiProperties() {
        return globals.implicitHttpApiProperties();
    }

    private static Map<String, TemplateParameter> readParameters(Map<String, Object> section) {
        Map<String, TemplateParameter> result = new LinkedHashMap<>();
        section.forEach((name, value) -> {
            Map<String, Object> definition = asMap(value, "Parameters." + name);
            List<String> allowed = new ArrayList<>();
            if (definition.get("AllowedValues") instanceof List<?> values) {
                values.forEach(v -> allowed.add(String.valueOf(v)));
            }
            result.put(name, new TemplateParameter(
                    name,
                    stringOrNull(definition.get("Type")),
                    stringOrNull(definition.get("Default")),
                    List.copyOf(allowed),
                    stringOrNull(definition.get("AllowedPattern"))));
        });
        return Collections.unmodifiableMap(result);
    }

    private Map<String, TemplateResource> readResources(Map<String, Object> section) {
        Map<String, TemplateResource> result = new LinkedHashMap<>();
        section.forEach((logicalId, value) -> {
            String path = "Resources." + logicalId;
            Map<String, Object> definition = asMap(value, path);
            if (!(definition.get("Type") instanceof String type)) {
                throw new TemplateException(path + ": every resource needs a Type (in " + source + ")");
            }
            Map<String, Object> properties = definition.containsKey("Properties")
                    ? asMap(definition.get("Properties"), path + ".Properties")
                    : Map.of();
            result.put(logicalId, new TemplateResource(
                    logicalId, type, Immutable.copyOf(globals.apply(type, properties)),
                    stringOrNull(definition.get("Condition")), dependsOn(definition.get("DependsOn"))));
        });
        return Collections.unmodifiableMap(result);
    }

    /** SAM's alias logical ids: the function's, "Alias", and the alias name with "-" as "D" and "_" as "U". */
    private static Map<String, String> readAliases(Map<String, TemplateResource> resources) {
        Map<String, String> result = new LinkedHashMap<>();
        for (TemplateResource resource : resources.values()) {
            if (resource.isOfType(ResourceTypes.SERVERLESS_FUNCTION)
                    && resource.properties().get("AutoPublishAlias") instanceof String alias) {
                result.put(resource.logicalId() + "Alias" + alias.replace("-", "D").replace("_", "U"),
                        resource.logicalId());
            }
        }
        return Collections.unmodifiableMap(result);
    }

    private static List<String> dependsOn(Object value) {
        if (value instanceof String single) {
            return List.of(single);
        }
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return List.of();
    }

    private static Map<String, Object> section(Map<String, Object> root, String name) {
        Object value = root.get(name);
        return value == null ? Map.of() : asMap(value, name);
    }

    private static Map<String, Object> asMap(Object value, String path) {
        if (value instanceof Map<?, ?> map) {
            return castMap(map);
        }
        throw new TemplateException(path + " must be a map, but is " + Describe.shapeOf(value));
    }

    private static String stringOrNull(Object value) {
        return value == null ? null : String.valueOf(value);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }
}
