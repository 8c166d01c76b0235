package no.dialog.local.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Typed, path-aware reading of one map of template properties. Each value is resolved when it is read,
 * so only what a spec needs has to be resolvable, and each error names the full property path.
 */
final class PropertyReader {

    private final Map<String, Object> values;
    private final String path;
    private final IntrinsicResolver resolver;

    PropertyReader(Map<String, Object> values, String path, IntrinsicResolver resolver) {
        this.values = values;
        this.path = path;
        this.resolver = resolver;
    }

    static PropertyReader of(TemplateResource resource, IntrinsicResolver resolver) {
        return new PropertyReader(resource.properties(), resource.propertiesPath(), resolver);
    }

    String path() {
        return path;
    }

    String path(String key) {
        return path + "." + key;
    }

    boolean has(String key) {
        return values.get(key) != null;
    }

    Object raw(String key) {
        return values.get(key);
    }

    /** The fully resolved value, or {@code null} if absent. */
    Object resolved(String key) {
        return resolver.resolve(values.get(key), path(key));
    }

    Optional<String> string(String key) {
        Object value = resolved(key);
        return value == null ? Optional.empty() : Optional.of(resolver.resolveString(value, path(key)));
    }

    String requiredString(String key) {
        return string(key).orElseThrow(() -> new TemplateException(path(key) + " is required"));
    }

    Optional<Integer> integer(String key) {
        Optional<String> text = string(key);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Integer.parseInt(text.get().trim()));
        } catch (NumberFormatException e) {
            throw new TemplateException(path(key) + " must be a whole number, not '" + text.get() + "'");
        }
    }

    int integer(String key, int defaultValue) {
        return integer(key).orElse(defaultValue);
    }

    boolean bool(String key, boolean defaultValue) {
        Optional<String> text = string(key);
        if (text.isEmpty()) {
            return defaultValue;
        }
        if (text.get().equalsIgnoreCase("true") || text.get().equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(text.get());
        }
        throw new TemplateException(path(key) + " must be true or false, not '" + text.get() + "'");
    }

    /** A single string or a list of strings, as a list. */
    List<String> strings(String key) {
        Object value = resolved(key);
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            List<String> result = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                result.add(resolver.resolveString(list.get(i), path(key) + "[" + i + "]"));
            }
            return List.copyOf(result);
        }
        return List.of(resolver.resolveString(value, path(key)));
    }

    /** A nested map of properties, if present. */
    Optional<PropertyReader> object(String key) {
        Object value = shallow(values.get(key), path(key));
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof Map<?, ?> map) {
            return Optional.of(new PropertyReader(castMap(map), path(key), resolver));
        }
        throw new TemplateException(path(key) + " must be a map, but is " + Describe.shapeOf(value));
    }

    /** A list of maps of properties (empty if absent). */
    List<PropertyReader> objects(String key) {
        Object value = shallow(values.get(key), path(key));
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw new TemplateException(path(key) + " must be a list, but is " + Describe.shapeOf(value));
        }
        List<PropertyReader> result = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String itemPath = path(key) + "[" + i + "]";
            Object item = shallow(list.get(i), itemPath);
            if (item instanceof Map<?, ?> map) {
                result.add(new PropertyReader(castMap(map), itemPath, resolver));
            } else if (item != null) {
                throw new TemplateException(itemPath + " must be a map, but is " + Describe.shapeOf(item));
            }
        }
        return result;
    }

    /** The map keys present, in order. */
    List<String> keys() {
        return List.copyOf(values.keySet());
    }

    /** A value AWS takes as JSON text (event patterns, inputs), or empty if absent. */
    Optional<String> json(String key) {
        return Optional.ofNullable(Json.text(resolved(key)));
    }

    /**
     * The logical id of the resource of the given type that the value points at: syntactically
     * ({@code !GetAtt Queue.Arn}, {@code !Ref Queue}), or else by comparing the resolved value with the
     * ARN, name and {@code Ref} of each such resource in the template.
     */
    Optional<String> referencedResource(String key, String type) {
        if (!has(key)) {
            return Optional.empty();
        }
        Optional<String> direct = ResourceReferences.logicalIdOf(raw(key));
        if (direct.isPresent()) {
            return direct;
        }
        String value = requiredString(key);
        PhysicalIds ids = resolver.physicalIds();
        for (TemplateResource candidate : resolver.template().resourcesOfType(type)) {
            String id = candidate.logicalId();
            if (ids.getAtt(id, "Arn").filter(value::equals).isPresent()
                    || ids.ref(id).filter(value::equals).isPresent()) {
                return Optional.of(id);
            }
        }
        throw new TemplateException(path(key) + ": '" + value + "' names no " + type + " in "
                + resolver.template().source() + "; the local stack can only connect resources the template creates");
    }

    IntrinsicResolver resolver() {
        return resolver;
    }

    /** Resolves the value only if it is itself an intrinsic (e.g. Fn::If choosing a map); keeps plain maps. */
    private Object shallow(Object value, String valuePath) {
        return Intrinsics.isIntrinsic(value) ? resolver.resolve(value, valuePath) : value;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }
}
