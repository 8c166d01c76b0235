package no.dialog.core.experiment;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * What an experiment's arms are compared on (docs/adr/0030-always-valid-experiments.md).
 * <ul>
 *   <li>{@link #GOAL_CONVERSION}: the share of the arm's people who reached the journey's goal. Lifts are
 *       differences of rates (0.012 is 1.2 percentage points).</li>
 *   <li>{@link #REVENUE_PER_PERSON}: gifts and payments tied to the journey, divided by the arm's people
 *       (those who gave nothing count as 0). Lifts are in øre per person.</li>
 * </ul>
 */
public enum ExperimentMetric {
    GOAL_CONVERSION("goal-conversion"),
    REVENUE_PER_PERSON("revenue-per-person");

    private final String jsonName;

    ExperimentMetric(String jsonName) {
        this.jsonName = jsonName;
    }

    /** The name in the admin API's JSON, e.g. {@code "goal-conversion"}. */
    public String jsonName() {
        return jsonName;
    }

    /** The metric a JSON name stands for; an unknown name is an {@link IllegalArgumentException} that lists the known ones. */
    public static ExperimentMetric fromJson(String name) {
        for (ExperimentMetric metric : values()) {
            if (metric.jsonName.equals(name)) {
                return metric;
            }
        }
        throw new IllegalArgumentException("unknown experiment metric '" + name + "'; known: "
                + Arrays.stream(values()).map(ExperimentMetric::jsonName).collect(Collectors.joining(", ")));
    }
}
