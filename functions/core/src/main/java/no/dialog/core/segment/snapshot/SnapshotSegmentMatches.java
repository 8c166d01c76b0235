package no.dialog.core.segment.snapshot;

import java.time.Clock;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import no.dialog.core.segment.BehaviourHistories;
import no.dialog.core.segment.Criterion;
import no.dialog.core.segment.Preview;
import no.dialog.core.segment.SegmentEvaluation;
import no.dialog.core.segment.SegmentMatches;
import no.dialog.core.tenant.TenantId;
import no.dialog.core.time.OsloTime;

/**
 * {@link SegmentMatches} on the tenant's columnar snapshot (ADR 0004) with the contacts changed since
 * laid over it (ADR 0034, {@link FreshSnapshots}): evaluations cost milliseconds instead of a read of
 * every contact, and see every change the replica has. Behaviour conditions are judged against
 * histories read per evaluation (ADR 0007), never kept in the snapshot.
 */
public final class SnapshotSegmentMatches implements SegmentMatches {

    private static final int CHUNK = 1000;

    private final FreshSnapshots fresh;
    private final BehaviourHistories histories;
    private final Clock clock;
    private final SnapshotEvaluator evaluator = new SnapshotEvaluator();

    public SnapshotSegmentMatches(FreshSnapshots fresh, BehaviourHistories histories, Clock clock) {
        this.fresh = Objects.requireNonNull(fresh);
        this.histories = Objects.requireNonNull(histories);
        this.clock = Objects.requireNonNull(clock);
    }

    @Override
    public long forEachMatch(TenantId tenant, Criterion criterion, Consumer<String> sink) {
        return evaluate(tenant, criterion, sink).matches();
    }

    @Override
    public SegmentEvaluation evaluate(TenantId tenant, Criterion criterion, Consumer<String> sink) {
        SnapshotView view = fresh.current(tenant);
        SnapshotMatches matches = matches(tenant, criterion, view);
        matches.forEachChunk(CHUNK, chunk -> chunk.forEach(sink));
        return new SegmentEvaluation(matches.count(), view.readAt(), view.snapshotAsOf(), view.overlayContacts(),
                view.basis().name().toLowerCase(Locale.ROOT));
    }

    /** How many match, with the first {@code sampleSize} of them (ids and names only), for previews. */
    public Preview preview(TenantId tenant, Criterion criterion, int sampleSize) {
        return matches(tenant, criterion, fresh.current(tenant)).preview(sampleSize);
    }

    private SnapshotMatches matches(TenantId tenant, Criterion criterion, SnapshotView view) {
        return evaluator.evaluate(view.snapshot(), view.overlay(), histories.lookupFor(tenant, criterion), criterion,
                OsloTime.today(clock));
    }
}
