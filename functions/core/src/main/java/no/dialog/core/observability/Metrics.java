package no.dialog.core.observability;

import java.util.Map;

/**
 * Port: counts that matter to operators (imported, rejected, sent ...). In AWS these become
 * CloudWatch embedded-metric-format lines; dimensions must never hold personal data.
 */
public interface Metrics {

    /** Records the given counts under the given dimensions (e.g. function, tenant). */
    void count(Map<String, String> dimensions, Map<String, Long> counts);

    /** A sink that drops everything, for tests that do not look at metrics. */
    Metrics NONE = (dimensions, counts) -> {};
}
