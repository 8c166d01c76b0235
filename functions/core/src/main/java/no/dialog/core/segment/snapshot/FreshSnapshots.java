package no.dialog.core.segment.snapshot;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import no.dialog.core.contact.ContactStore;
import no.dialog.core.tenant.TenantId;

/**
 * A tenant's contacts as of now, for segment evaluation: the stored snapshot with the contacts written
 * since laid over it (ADR 0034). So a preview or a campaign sees a change as soon as the replica has it,
 * while the register is read whole only when there is no usable snapshot.
 * <ol>
 *   <li>No stored snapshot, one older than {@code rebuildAfter}, or one "from the future" (a clock was
 *       reset): rebuild from the register and store it.</li>
 *   <li>Read the contacts written since the snapshot's {@code asOf} minus {@code overlap}.</li>
 *   <li>More than {@code overlayLimit} of them (an import in progress): rebuild instead, then read the
 *       changes since the rebuild began. If even those are too many, the rebuilt snapshot alone is used:
 *       it was read from the register a moment ago.</li>
 *   <li>{@code mergeAt} or more: fold them into a new stored snapshot, so the next evaluations read a
 *       small overlay.</li>
 * </ol>
 * <pre>{@code
 * SnapshotView view = fresh.current(tenant);
 * evaluator.evaluate(view.snapshot(), view.overlay(), lookup, criterion, today);
 * }</pre>
 */
public final class FreshSnapshots {

    private final SegmentSnapshotStore snapshots;
    private final ContactStore contacts;
    private final ContactChangeFeed changes;
    private final Clock clock;
    private final SnapshotFreshness freshness;

    public FreshSnapshots(SegmentSnapshotStore snapshots, ContactStore contacts, ContactChangeFeed changes, Clock clock,
                          SnapshotFreshness freshness) {
        this.snapshots = Objects.requireNonNull(snapshots);
        this.contacts = Objects.requireNonNull(contacts);
        this.changes = Objects.requireNonNull(changes);
        this.clock = Objects.requireNonNull(clock);
        this.freshness = Objects.requireNonNull(freshness);
    }

    public SnapshotView current(TenantId tenant) {
        Instant now = clock.instant();
        Optional<SegmentSnapshot> stored = snapshots.load(tenant).filter(s -> usable(s.asOf(), now));
        if (stored.isEmpty()) {
            return rebuilt(tenant);
        }
        SegmentSnapshot base = stored.get();
        Instant readAt = clock.instant();
        Optional<SnapshotDelta> overlay = changes.changedSince(tenant, since(base), freshness.overlayLimit());
        if (overlay.isEmpty()) {
            return rebuilt(tenant);
        }
        if (overlay.get().size() >= freshness.mergeAt()) {
            SegmentSnapshot merged = SnapshotUpdates.merge(base, overlay.get(), readAt);
            snapshots.store(tenant, merged);
            return new SnapshotView(merged, SnapshotDelta.EMPTY, readAt, SnapshotView.Basis.MERGED);
        }
        return new SnapshotView(base, overlay.get(), readAt, SnapshotView.Basis.STORED);
    }

    /** Reads the whole register, stores the result, and lays over it what was written while it was read. */
    private SnapshotView rebuilt(TenantId tenant) {
        SegmentSnapshotBuilder builder = new SegmentSnapshotBuilder(clock.instant());
        contacts.forEach(tenant, builder::add);
        SegmentSnapshot built = builder.build();
        snapshots.store(tenant, built);
        Instant readAt = clock.instant();
        SnapshotDelta during = changes.changedSince(tenant, since(built), freshness.overlayLimit())
                .orElse(SnapshotDelta.EMPTY);
        return new SnapshotView(built, during, readAt, SnapshotView.Basis.REBUILT);
    }

    private Instant since(SegmentSnapshot snapshot) {
        return snapshot.asOf().minus(freshness.overlap());
    }

    private boolean usable(Instant asOf, Instant now) {
        return !asOf.isAfter(now) && asOf.plus(freshness.rebuildAfter()).isAfter(now);
    }
}
