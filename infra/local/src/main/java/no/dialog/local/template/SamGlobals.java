package no.dialog.local.template;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies the template's {@code Globals} section to serverless resources the way the SAM transform does:
 * <ul>
 *   <li>scalars: the resource's own value wins,</li>
 *   <li>maps (for example {@code Environment.Variables}): merged key by key, the resource's entries win,</li>
 *   <li>lists: the global entries come first, then the resource's,</li>
 *   <li>intrinsic functions ({@code {Ref: ...}}, {@code {Fn::Sub: ...}}) are never merged: the resource's wins.</li>
 * </ul>
 */
final class SamGlobals {

    /** Globals section name → the resource type it applies to. */
    private static final Map<String, String> SECTIONS = Map.of(
            "Function", ResourceTypes.SERVERLESS_FUNCTION,
            "HttpApi", ResourceTypes.SERVERLESS_HTTP_API);

    private final Map<String, Object> globals;

    SamGlobals(Map<String, Object> globals) {
        this.globals = globals;
    }

    /** The properties the resource has after SAM has applied the globals for its type. */
    Map<String, Object> apply(String type, Map<String, Object> properties) {
        for (Map.Entry<String, String> section : SECTIONS.entrySet()) {
            if (section.getValue().equals(type) && globals.get(section.getKey()) instanceof Map<?, ?> global) {
                return castMap(merge(global, properties));
            }
        }
        return properties;
    }

    /** The properties the implicit API SAM creates for route events without an {@code ApiId} gets. */
    Map<String, Object> implicitHttpApiProperties() {
        return globals.get("HttpApi") instanceof Map<?, ?> global ? castMap(global) : Map.of();
    }

    static Object merge(Object global, Object local) {
        if (local == null) {
            return global;
        }
        if (Intrinsics.isIntrinsic(global) || Intrinsics.isIntrinsic(local)) {
            return local;
        }
        if (global instanceof Map<?, ?> globalMap && local instanceof Map<?, ?> localMap) {
            Map<String, Object> merged = new LinkedHashMap<>(castMap(globalMap));
            localMap.forEach((key, value) -> merged.put((String) key, merge(globalMap.get(key), value)));
            return merged;
        }
        if (global instanceof List<?> globalList && local instanceof List<?> localList) {
            List<Object> merged = new ArrayList<>(globalList);
            merged.addAll(localList);
            return merged;
        }
        return local;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object map) {
        return (Map<String, Object>) map;
    }
}
