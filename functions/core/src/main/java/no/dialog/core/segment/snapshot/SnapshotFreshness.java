package no.dialog.core.segment.snapshot;

import java.time.Duration;
import java.util.Objects;

/**
 * The settings of {@link FreshSnapshots} (ADR 0034).
 *
 * @param rebuildAfter a snapshot older than this is rebuilt from the whole register; a safety net, since
 *                     the overlay keeps every evaluation fresh whatever the snapshot's age
 * @param overlap      changes are read from this long before the snapshot's {@code asOf}: it covers the
 *                     clocks of two functions differing a little and the index lagging the table by a moment
 *                     (both well under a second in AWS); re-reading a change is harmless
 * @param mergeAt      an overlay of this many contacts is folded into a new stored snapshot, so the overlay
 *                     read on each evaluation stays small
 * @param overlayLimit past this many changed contacts the overlay is not read; the snapshot is rebuilt
 */
public record SnapshotFreshness(Duration rebuildAfter, Duration overlap, int mergeAt, int overlayLimit) {

    /** Rebuilt every six hours, merged at 2,000 changed contacts, rebuilt past 20,000 (about a minute of an import). */
    public static SnapshotFreshness standard(Duration rebuildAfter) {
        return new SnapshotFreshness(rebuildAfter, Duration.ofSeconds(15), 2_000, 20_000);
    }

    public SnapshotFreshness {
        Objects.requireNonNull(rebuildAfter);
        Objects.requireNonNull(overlap);
        if (rebuildAfter.isNegative() || overlap.isNegative() || mergeAt < 1 || overlayLimit < mergeAt) {
            throw new IllegalArgumentException("snapshot freshness needs non-negative durations and 1 <= mergeAt <= overlayLimit");
        }
    }
}
