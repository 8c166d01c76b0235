package no.dialog.local.template;

import java.util.List;
import java.util.Map;

/** Describes a value's shape for error messages ("a list", "the string 'x'"). */
final class Describe {

    private Describe() {
    }

    static String shapeOf(Object value) {
        if (value == null) {
            return "empty";
        }
        if (value instanceof Map<?, ?> map) {
            return "a map " + map.keySet();
        }
        if (value instanceof List<?>) {
            return "a list";
        }
        if (value instanceof String text) {
            return "the string '" + text + "'";
        }
        return "the " + value.getClass().getSimpleName().toLowerCase() + " " + value;
    }
}
