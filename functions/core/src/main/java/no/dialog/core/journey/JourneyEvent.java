package no.dialog.core.journey;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of a journey's history: a change made to a running journey by Dialog itself rather than by
 * an edit, kept for staff to read back. Today the one kind is {@link #WINNER_DECLARED}.
 *
 * @param at      when it happened
 * @param kind    what happened ({@link #WINNER_DECLARED})
 * @param version the version it concerns
 * @param arm     the arm declared the winner
 * @param reason  why, in words staff can read (the statistics' decision); never personal data
 */
public record JourneyEvent(Instant at, String kind, int version, String arm, String reason) {

    public static final String WINNER_DECLARED = "winner-declared";
    public static final int MAX_REASON = 500;

    public JourneyEvent {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(arm, "arm");
        Objects.requireNonNull(reason, "reason");
    }
}
