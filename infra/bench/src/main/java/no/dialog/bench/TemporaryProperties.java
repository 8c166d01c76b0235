package no.dialog.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * System properties a benchmark run sets for its local stack, put back as they were when the run ends, so
 * that runs in one JVM (the smoke tests) do not leak settings into each other.
 */
final class TemporaryProperties implements AutoCloseable {

    private final Map<String, String> previous = new LinkedHashMap<>();

    private TemporaryProperties() {}

    /** Sets {@code key} to {@code value} (pairs), remembering what each was. */
    static TemporaryProperties set(String... keysAndValues) {
        TemporaryProperties properties = new TemporaryProperties();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            properties.previous.put(keysAndValues[i], System.setProperty(keysAndValues[i], keysAndValues[i + 1]));
        }
        return properties;
    }

    @Override
    public void close() {
        previous.forEach((key, value) -> {
            if (value == null) {
                System.clearProperty(key);
            } else {
                System.setProperty(key, value);
            }
        });
    }
}
