package no.dialog.core.segment;

import java.time.Instant;

/**
 * What one evaluation of a segment found and what it read, so that a campaign run can say which view of
 * the register it enrolled from (ADR 0034). Carries no personal data.
 *
 * @param matches         how many contacts matched
 * @param readAt          every contact written to the replica before this moment was seen
 * @param snapshotAsOf    the snapshot under the evaluation, or null when the register was read whole
 * @param overlayContacts how many changed contacts were laid over the snapshot
 * @param basis           how the contacts were read: {@code stored}, {@code merged}, {@code rebuilt} (a snapshot)
 *                        or {@code register} (every contact read)
 */
public record SegmentEvaluation(long matches, Instant readAt, Instant snapshotAsOf, int overlayContacts, String basis) {
}
