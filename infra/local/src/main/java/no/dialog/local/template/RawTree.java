package no.dialog.local.template;

import java.util.List;
import java.util.Map;

/** Small helpers for walking the unresolved template tree, where a missing branch is simply empty. */
final class RawTree {

    private RawTree() {
    }

    /** The value at the end of a chain of map keys, or {@code null} if any step is missing or not a map. */
    static Object get(Object root, String... keys) {
        Object current = root;
        for (String key : keys) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(key);
        }
        return current;
    }

    static Map<?, ?> map(Object value) {
        return value instanceof Map<?, ?> map ? map : Map.of();
    }

    /** A list as is, a single value as a one-item list, nothing as an empty list (IAM allows all three). */
    static List<?> list(Object value) {
        if (value == null) {
            return List.of();
        }
        return value instanceof List<?> list ? list : List.of(value);
    }
}
