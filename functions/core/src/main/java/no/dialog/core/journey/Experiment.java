package no.dialog.core.journey;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A journey's experiment: the arms of one send step's variants or one split's paths, compared on a
 * primary metric, optionally against a holdout that gets nothing (to measure the journey's true lift).
 * See docs/journeys.md and ADR 0031.
 *
 * <p>The arms are the step's variant (or path) names in order, then {@link #HOLDOUT} when
 * {@code holdoutPercent > 0}; the first is the control. A person's arm is kept in
 * {@link Enrolment#choices()} under the step's id, so a held-out person is one whose choice at the
 * experiment step is {@link #HOLDOUT}.
 * <pre>{@code
 * "experiment": {"step": "ask", "metric": "goal-conversion", "guardrails": ["opt-out-rate"],
 *                "holdoutPercent": 10, "autoWinner": true}
 * }</pre>
 *
 * @param stepId         the send step (with at least two variants) or split whose arms are compared
 * @param metric         what decides: goal conversion or revenue per person entered
 * @param guardrails     metrics that may stop the experiment when an arm does harm (none by default)
 * @param holdoutPercent the share of people, 0-50, who get no message at all
 * @param autoWinner     whether new people get the winning arm once the statistics decide
 */
public record Experiment(String stepId, Metric metric, List<Guardrail> guardrails, int holdoutPercent,
                         boolean autoWinner) {

    /** The holdout arm's name; no variant or path of the experiment step may use it. */
    public static final String HOLDOUT = "holdout";
    public static final int MAX_HOLDOUT_PERCENT = 50;

    public enum Metric {
        GOAL_CONVERSION("goal-conversion"), REVENUE_PER_PERSON("revenue-per-person");

        private final String jsonName;

        Metric(String jsonName) {
            this.jsonName = jsonName;
        }

        public String jsonName() {
            return jsonName;
        }

        public static Optional<Metric> fromJsonName(String name) {
            for (Metric metric : values()) {
                if (metric.jsonName.equals(name)) {
                    return Optional.of(metric);
                }
            }
            return Optional.empty();
        }
    }

    public enum Guardrail {
        OPT_OUT_RATE("opt-out-rate"), COST("cost");

        private final String jsonName;

        Guardrail(String jsonName) {
            this.jsonName = jsonName;
        }

        public String jsonName() {
            return jsonName;
        }

        public static Optional<Guardrail> fromJsonName(String name) {
            for (Guardrail guardrail : values()) {
                if (guardrail.jsonName.equals(name)) {
                    return Optional.of(guardrail);
                }
            }
            return Optional.empty();
        }
    }

    public Experiment {
        Objects.requireNonNull(stepId, "stepId");
        Objects.requireNonNull(metric, "metric");
        guardrails = guardrails == null ? List.of() : List.copyOf(guardrails);
        if (holdoutPercent < 0 || holdoutPercent > MAX_HOLDOUT_PERCENT) {
            throw new IllegalArgumentException("holdoutPercent must be 0-" + MAX_HOLDOUT_PERCENT);
        }
    }

    /** The arms people are given at the step (variants or paths, in order): the first is the control. */
    public static List<String> treatments(Step step) {
        if (step instanceof Step.Send send) {
            return send.variants().stream().map(Step.Variant::name).toList();
        }
        if (step instanceof Step.Split split) {
            return split.paths().stream().map(Step.SplitPath::name).toList();
        }
        return List.of();
    }

    /** Every arm of the experiment in {@code definition}: the treatments, then the holdout if there is one. */
    public List<String> arms(JourneyDefinition definition) {
        Step step = definition.steps().get(stepId);
        List<String> arms = new ArrayList<>(step == null ? List.of() : treatments(step));
        if (holdoutPercent > 0) {
            arms.add(HOLDOUT);
        }
        return List.copyOf(arms);
    }

    /** The arm every other is compared with: the step's first variant or path; null if the step is missing. */
    public String control(JourneyDefinition definition) {
        List<String> arms = arms(definition);
        return arms.isEmpty() || HOLDOUT.equals(arms.get(0)) ? null : arms.get(0);
    }
}
