package no.dialog.core.experiment;

import java.util.Set;

/**
 * What an experiment compares: the control arm, the primary metric, the guardrails and the error rate.
 *
 * @param control    the arm the others are compared with (usually the journey's first variant)
 * @param metric     the primary metric
 * @param guardrails metrics that stop the experiment when a treatment is worse (may be empty)
 * @param alpha      the chance, over the whole experiment however often it is looked at, of naming a winner
 *                   when the arms are equal (0.05 by default; shared by the arms, see ADR 0030)
 */
public record ExperimentSpec(String control, ExperimentMetric metric, Set<Guardrail> guardrails, double alpha) {

    /** The usual error rate: at most 5% of experiments between equal arms name a winner. */
    public static final double DEFAULT_ALPHA = 0.05;

    public ExperimentSpec {
        if (control == null || control.isBlank()) {
            throw new IllegalArgumentException("an experiment needs a control arm");
        }
        if (metric == null) {
            throw new IllegalArgumentException("an experiment needs a primary metric");
        }
        guardrails = guardrails == null ? Set.of() : Set.copyOf(guardrails);
        if (!(alpha > 0 && alpha < 0.5)) {
            throw new IllegalArgumentException("alpha must be above 0 and below 0.5 (" + alpha + ")");
        }
    }

    /** A spec with the default alpha of 0.05. */
    public ExperimentSpec(String control, ExperimentMetric metric, Set<Guardrail> guardrails) {
        this(control, metric, guardrails, DEFAULT_ALPHA);
    }
}
