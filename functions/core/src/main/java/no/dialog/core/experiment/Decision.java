package no.dialog.core.experiment;

/**
 * What an experiment's results say at one look. The JSON text is {@link #text(String)}:
 * {@code "keep collecting"}, {@code "B better"} (the winning arm's name), {@code "no difference likely"},
 * {@code "stopped: guardrail"}.
 */
public enum Decision {
    /** No interval is decisive yet (or the arms are still below the minimum size). */
    KEEP_COLLECTING("keep collecting"),
    /** One arm is better than every other arm on the primary metric; the control can win too. */
    BETTER("better"),
    /** Every treatment is within the practical-equivalence margin of the control. */
    NO_DIFFERENCE_LIKELY("no difference likely"),
    /** A treatment is worse than the control on a guardrail. */
    STOPPED_GUARDRAIL("stopped: guardrail");

    private final String text;

    Decision(String text) {
        this.text = text;
    }

    /**
     * The text the results show: for {@link #BETTER} the winner's name before it ({@code "B better"}), for the
     * others their fixed text (the winner is then ignored and may be null).
     */
    public String text(String winner) {
        if (this != BETTER) {
            return text;
        }
        if (winner == null || winner.isBlank()) {
            throw new IllegalArgumentException("a 'better' decision needs the winning arm's name");
        }
        return winner + " " + text;
    }
}
