package no.dialog.core.experiment;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * A metric that must not get worse in a treatment arm; when it does, the experiment stops
 * ({@link Decision#STOPPED_GUARDRAIL}).
 * <ul>
 *   <li>{@link #OPT_OUT_RATE}: the share of the arm's people who opted out. Tested with the same
 *       always-valid confidence sequence as the primary metric.</li>
 *   <li>{@link #COST}: what Dialog spent per person in the arm. Compared as measured, with a margin
 *       ({@link ExperimentAnalysis#COST_MARGIN}): the cost is Dialog's own spending, not a sample of
 *       people's behaviour, and the arm totals carry no spread for it (ADR 0030).</li>
 * </ul>
 */
public enum Guardrail {
    OPT_OUT_RATE("opt-out-rate"),
    COST("cost");

    private final String jsonName;

    Guardrail(String jsonName) {
        this.jsonName = jsonName;
    }

    /** The name in the admin API's JSON, e.g. {@code "opt-out-rate"}. */
    public String jsonName() {
        return jsonName;
    }

    /** The guardrail a JSON name stands for; an unknown name is an {@link IllegalArgumentException} that lists the known ones. */
    public static Guardrail fromJson(String name) {
        for (Guardrail guardrail : values()) {
            if (guardrail.jsonName.equals(name)) {
                return guardrail;
            }
        }
        throw new IllegalArgumentException("unknown guardrail '" + name + "'; known: "
                + Arrays.stream(values()).map(Guardrail::jsonName).collect(Collectors.joining(", ")));
    }
}
