package no.dialog.core.segment.snapshot;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import no.dialog.core.contact.ContactStore;
import no.dialog.core.segment.BehaviourHistories;
import no.dialog.core.segment.Criterion;
import no.dialog.core.segment.Preview;
import no.dialog.core.segment.SegmentMatches;
import no.dialog.core.tenant.TenantId;
import no.dialog.core.time.OsloTime;

/**
 * {@link SegmentMatches} on the tenant's columnar snapshot (ADR 0004): evaluations cost milliseconds
 * instead of a read of every contact. A snapshot older than {@code maxAge} (or none) is rebuilt from
 * the contact store first and stored for the next evaluation, so an evaluation never sees contacts
 * older than {@code maxAge}. Behaviour conditions are judged against histories read per evaluation
 * (ADR 0007), never kept in the snapshot.
 */
public final class SnapshotSegmentMatches implements SegmentMatches {

    private static final int CHUNK = 1000;

    private final SegmentSnapshotStore snapshots;
    private final ContactStore contacts;
    private final BehaviourHistories histories;
    private final Clock clock;
    private final Duration maxAge;
    private final SnapshotEvaluator evaluator = new SnapshotEvaluator();

    public SnapshotSegmentMatches(SegmentSnapshotStore snapshots, ContactStore contacts, Clock clock, Duration maxAge) {
        this(snapshots, contacts, BehaviourHistories.NONE, clock, maxAge);
    }

    public SnapshotSegmentMatches(SegmentSnapshotStore snapshots, ContactStore contacts, BehaviourHistories histories,
                                  Clock clock, Duration maxAge) {
        this.snapshots = Objects.requireNonNull(snapshots);
        this.contacts = Objects.requireNonNull(contacts);
        this.histories = Objects.requireNonNull(histories);
        this.clock = Objects.requireNonNull(clock);
        this.maxAge = Objects.requireNonNull(maxAge);
    }

    @Override
    public long forEachMatch(TenantId tenant, Criterion criterion, Consumer<String> sink) {
        SnapshotMatches matches = evaluator.evaluate(current(tenant), SnapshotDelta.EMPTY,
                histories.lookupFor(tenant, criterion), criterion, OsloTime.today(clock));
        matches.forEachChunk(CHUNK, chunk -> chunk.forEach(sink));
        return matches.count();
    }

    /** How many match, with the first {@code sampleSize} of them (ids and names only), for previews. */
    public Preview preview(TenantId tenant, Criterion criterion, int sampleSize) {
        return evaluator.evaluate(current(tenant), SnapshotDelta.EMPTY, histories.lookupFor(tenant, criterion),
                criterion, OsloTime.today(clock)).preview(sampleSize);
    }

    /** The stored snapshot when fresh enough, else a new one built from the store now. */
    public SegmentSnapshot current(TenantId tenant) {
        Instant now = clock.instant();
        Optional<SegmentSnapshot> stored = snapshots.load(tenant);
        if (stored.isPresent() && isFresh(stored.get().asOf(), now)) {
            return stored.get();
        }
        SegmentSnapshotBuilder builder = new SegmentSnapshotBuilder(now);
        contacts.forEach(tenant, builder::add);
        SegmentSnapshot built = builder.build();
        snapshots.store(tenant, built);
        return built;
    }

    private boolean isFresh(Instant asOf, Instant now) {
        // A snapshot "from the future" (the local clock was reset) is not trusted either.
        return !asOf.isAfter(now) && asOf.plus(maxAge).isAfter(now);
    }
}
