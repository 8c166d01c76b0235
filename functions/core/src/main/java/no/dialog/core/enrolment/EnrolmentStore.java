package no.dialog.core.enrolment;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import no.dialog.core.journey.Enrolment;
import no.dialog.core.tenant.TenantId;

/**
 * Port: enrolments, their due index and their results. Every state change is a conditional write on
 * the enrolment's revision, and the result counters of a change are added only once that write succeeded,
 * so a lost race or a redelivered message counts nothing. A crash between the write and the count may lose
 * the count, never double it: counters every enrolment adds to cannot share its transaction at campaign
 * rates without concurrent enrolments cancelling each other (ADR 0029, 0035).
 */
public interface EnrolmentStore {

    /** The enrolment with the sends committed with it that are not yet confirmed as queued, in one read. */
    Optional<Stored> load(TenantId tenant, EnrolmentRef ref);

    default Optional<Enrolment> find(TenantId tenant, EnrolmentRef ref) {
        return load(tenant, ref).map(Stored::enrolment);
    }

    /** All enrolments of a person (any journey, any state), newest entry last per journey. */
    List<Enrolment> ofContact(TenantId tenant, String contactId);

    /** The person's latest entry into the journey, if any. */
    Optional<Enrolment> latest(TenantId tenant, String contactId, String journeyId);

    /**
     * Writes a new enrolment unless one with its id exists, and counts it. Returns false (and changes
     * nothing) when it exists already, which is what a redelivered enrolment job meets.
     */
    boolean create(Enrolment enrolment, List<ResultKey> counts);

    /**
     * Replaces {@code previous} with {@code next} if the stored revision is still {@code previous}'s,
     * together with the counts and the sends still to be handed to the channel queues. Returns false
     * (and changes nothing) when another worker got there first.
     */
    boolean commit(Enrolment previous, Enrolment next, List<SendRequest> pendingSends, List<ResultKey> counts);

    /** Sends written by {@link #commit} and not yet confirmed as enqueued. */
    default List<SendRequest> pendingSends(TenantId tenant, EnrolmentRef ref) {
        return load(tenant, ref).map(Stored::pendingSends).orElse(List.of());
    }

    /** Forgets the pending sends once they are on their queues (only if the revision is unchanged). */
    void clearPending(Enrolment enrolment);

    /**
     * Hands the enrolments due at or before {@code now} in one shard of the due index (across tenants)
     * to {@code page}, a page at a time, so memory stays bounded however many are due.
     */
    void forEachDue(int shard, Instant now, java.util.function.Consumer<List<DueEnrolment>> page);

    /** Number of shards of the due index; a sweep visits each in parallel. */
    int dueShards();

    /** Sums of all result counters of a journey, every version. */
    List<ResultCount> results(TenantId tenant, String journeyId);

    /** An enrolment as stored, with its pending sends. */
    record Stored(Enrolment enrolment, List<SendRequest> pendingSends) {}

    record DueEnrolment(TenantId tenant, EnrolmentRef ref, Instant dueAt) {}

    /**
     * One counter's sum on one day (Europe/Oslo) of a journey's results; {@code day} is null for sums kept
     * without a day.
     */
    record ResultCount(ResultKey key, java.time.LocalDate day, long count) {
        public ResultCount(ResultKey key, long count) {
            this(key, null, count);
        }
    }
}
