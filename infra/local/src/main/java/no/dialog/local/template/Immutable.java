package no.dialog.local.template;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Deep read-only copies of parsed YAML trees, so no reader of the template can change it for the others. */
final class Immutable {

    private Immutable() {
    }

    @SuppressWarnings("unchecked")
    static <T> T copyOf(T value) {
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            map.forEach((key, item) -> copy.put(key, copyOf(item)));
            return (T) Collections.unmodifiableMap(copy);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(item -> copy.add(copyOf(item)));
            return (T) Collections.unmodifiableList(copy);
        }
        return value;
    }
}
