package no.dialog.core.enrolment;

import java.util.LinkedHashMap;
import java.util.Map;

/** What became of one enrolment job or step, for metrics and tests. Carries no personal data. */
public enum Outcome {
    /** The enrolment was created or moved on. */
    ADVANCED,
    /** Nothing to do: not due, already done, a redelivery, or a signal that does not concern it. */
    UNCHANGED,
    /** Another worker changed it first; the message can be dropped, that worker did the job. */
    LOST_RACE,
    /** The journey is paused: left as it is, the sweeper will find it again when resumed. */
    PAUSED,
    /** Entry refused by the entry rules, the cap or an earlier entry. */
    NOT_ENROLLED;

    /** Metric counts named {@code <prefix><OUTCOME>} (e.g. {@code StepsADVANCED}), in the enum's order. */
    public static Map<String, Long> asCounts(String prefix, Map<Outcome, Integer> outcomes) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Outcome outcome : values()) {
            Integer n = outcomes.get(outcome);
            if (n != null) {
                counts.put(prefix + outcome.name(), (long) n);
            }
        }
        return counts;
    }
}
