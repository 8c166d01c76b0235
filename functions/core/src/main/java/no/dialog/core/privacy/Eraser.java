package no.dialog.core.privacy;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import no.dialog.core.tenant.TenantId;

/**
 * Carries out an erasure across every {@link PersonalData} store, in the order given, and records each
 * step as it finishes. It is resumable: run again with the same erasure id (a redelivered message after a
 * crash), it skips the steps already recorded and finishes the rest; a finished erasure is not run again.
 *
 * <p>The order matters. Only the stores that know a person by phone number alone (giver candidates,
 * unmatched payments) come before the contact, because the numbers are read from the contact on every run
 * (messages carry ids only): done first, they never run after the tombstone forgot them. Then the contact
 * store: it leaves a tombstone with only the id and the
 * time, so every sender that reads the contact before sending finds nobody, and a send queued before the
 * erasure is not sent after it; and a late register event cannot bring the person back. The stores that
 * are found through the person (enrolments, then what the enrolments point at) come before the ones they
 * point from.
 */
public final class Eraser {

    private final List<PersonalData> stores;
    private final ErasureLog log;
    private final Clock clock;

    public Eraser(List<PersonalData> stores, ErasureLog log, Clock clock) {
        this.stores = List.copyOf(stores);
        this.log = Objects.requireNonNull(log);
        this.clock = Objects.requireNonNull(clock);
        long names = this.stores.stream().map(PersonalData::store).distinct().count();
        if (names != this.stores.size()) {
            throw new IllegalArgumentException("two stores share a name: an erasure's report could not tell them apart");
        }
    }

    /** The stores an erasure reaches, in order (for the report and for tests that check coverage). */
    public List<String> storeNames() {
        return stores.stream().map(PersonalData::store).toList();
    }

    /**
     * Runs (or resumes) the erasure; returns it as recorded at the end.
     *
     * @throws IllegalArgumentException when no erasure with this id was started for the tenant
     */
    public Erasure run(TenantId tenant, String erasureId) {
        return run(tenant, erasureId, null);
    }

    /**
     * Runs (or resumes) the erasure with what was captured of the person when it was asked for (their phone
     * numbers and e-mail addresses, read from the contact before its step tombstones it); null: the contact
     * id alone.
     *
     * @throws IllegalArgumentException when no erasure with this id was started for the tenant, or the
     *                                  subject is another person than the erasure's
     */
    public Erasure run(TenantId tenant, String erasureId, ErasureSubject subject) {
        Erasure erasure = log.find(tenant, erasureId)
                .orElseThrow(() -> new IllegalArgumentException("no erasure " + erasureId + " for the tenant"));
        if (erasure.done()) {
            return erasure;
        }
        ErasureSubject who = subject == null ? ErasureSubject.of(erasure.contactId()) : subject;
        if (!who.contactId().equals(erasure.contactId())) {
            throw new IllegalArgumentException("the subject is not the person of erasure " + erasureId);
        }
        for (PersonalData store : stores) {
            if (erasure.stepDone(store.store())) {
                continue;
            }
            long erased = store.erase(tenant, who);
            log.stepDone(tenant, erasureId, store.store(), erased);
        }
        log.finish(tenant, erasureId, clock.instant());
        return log.find(tenant, erasureId).orElseThrow();
    }
}
