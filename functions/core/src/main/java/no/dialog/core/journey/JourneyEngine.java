package no.dialog.core.journey;

import java.time.Instant;
import no.dialog.core.contact.Contact;

/**
 * Moves one enrolment through its journey version. Pure: no clock, no I/O; the caller passes the
 * time and stores the result with a conditional write on the revision.
 */
public final class JourneyEngine {

    /** Starts a person at the start step, ACTIVE and due now, and counts ENROLLED. */
    public Advance enrol(JourneyVersion version, String enrolmentId, String contactId, Instant now) {
        throw new UnsupportedOperationException("not built yet");
    }

    /**
     * Advances a due enrolment: runs steps until one waits or the person exits. An enrolment that is
     * DONE, or WAITING with {@code dueAt} after {@code now}, is returned unchanged.
     */
    public Advance advance(JourneyVersion version, Enrolment enrolment, Contact contact, Instant now) {
        throw new UnsupportedOperationException("not built yet");
    }

    /**
     * Applies a signal: the goal (within its window), a wait for that signal (which then moves on and
     * runs to the next wait), or remembering it for later branches. Irrelevant signals leave the
     * enrolment unchanged.
     */
    public Advance onSignal(JourneyVersion version, Enrolment enrolment, Contact contact, Signal signal,
                            Instant now) {
        throw new UnsupportedOperationException("not built yet");
    }

}
