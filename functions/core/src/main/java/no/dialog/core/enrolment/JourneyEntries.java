package no.dialog.core.enrolment;

import no.dialog.core.tenant.TenantId;

/**
 * Port: the journey-level bookkeeping of entries: the enrolment cap and the once-only markers for
 * campaign runs and for events that enrol (a gift id seen twice enrols once).
 */
public interface JourneyEntries {

    /** Takes one place under the cap; false when the journey is full. A null cap always succeeds. */
    boolean takePlace(TenantId tenant, String journeyId, Long cap);

    /** Gives back a place taken for an enrolment that turned out to exist already. */
    void returnPlace(TenantId tenant, String journeyId);

    /** Whether an enrolling event with this key has been handled for the journey already. */
    boolean seen(TenantId tenant, String journeyId, String key);

    /**
     * Remembers the key after its enrolment was written. Checking before and marking after means a
     * crash in between enrols again on redelivery (where the enrolment's own id makes it a no-op)
     * instead of losing the enrolment.
     */
    void markSeen(TenantId tenant, String journeyId, String key);

    /**
     * Claims a run of a campaign or of one period of a recurring entry; false when it was claimed
     * before, so a redelivered tick never evaluates a segment twice.
     */
    boolean startRun(TenantId tenant, String journeyId, String runId);
}
