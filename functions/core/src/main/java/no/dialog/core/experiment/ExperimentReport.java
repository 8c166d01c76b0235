package no.dialog.core.experiment;

import java.util.List;

/**
 * An experiment at one look: every arm, the decision, and the winner when the decision is {@link Decision#BETTER}
 * (null otherwise). {@link #decisionText()} is the text for the results.
 */
public record ExperimentReport(List<ArmReport> arms, Decision decision, String winner) {

    public ExperimentReport {
        arms = List.copyOf(arms);
        if ((decision == Decision.BETTER) != (winner != null)) {
            throw new IllegalArgumentException("a winner goes with a 'better' decision, and only with it");
        }
    }

    /** {@code "keep collecting"}, {@code "B better"}, {@code "no difference likely"} or {@code "stopped: guardrail"}. */
    public String decisionText() {
        return decision.text(winner);
    }
}
