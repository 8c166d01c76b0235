package no.dialog.core.segment.snapshot;

import java.time.Instant;
import java.util.Objects;

/**
 * What one evaluation reads: a snapshot and the contacts changed since it was built, laid over it.
 * Together they are as fresh as {@code readAt} (ADR 0034).
 *
 * @param snapshot the base, as of {@code snapshot.asOf()}
 * @param overlay  the contacts written since the base (with a margin), as they were at {@code readAt}
 * @param readAt   when the overlay was read: every contact written before it is seen
 * @param basis    how the base was obtained, for the run record and logs
 */
public record SnapshotView(SegmentSnapshot snapshot, SnapshotDelta overlay, Instant readAt, Basis basis) {

    /** How the snapshot under an evaluation came to be. */
    public enum Basis {
        /** The stored snapshot, with the changes since laid over it. */
        STORED,
        /** The stored snapshot and the changes since folded into a new one (the overlay had grown). */
        MERGED,
        /** Rebuilt from the whole register (none stored, too old, or too many changes to overlay). */
        REBUILT
    }

    public SnapshotView {
        Objects.requireNonNull(snapshot);
        Objects.requireNonNull(overlay);
        Objects.requireNonNull(readAt);
        Objects.requireNonNull(basis);
    }

    public Instant snapshotAsOf() {
        return snapshot.asOf();
    }

    /** How many changed contacts were laid over the snapshot (changed or deleted). */
    public int overlayContacts() {
        return overlay.size();
    }
}
