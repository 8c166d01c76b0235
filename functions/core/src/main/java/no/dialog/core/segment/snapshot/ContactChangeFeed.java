package no.dialog.core.segment.snapshot;

import java.time.Instant;
import java.util.Optional;
import no.dialog.core.tenant.TenantId;

/**
 * Port: the contacts the replica wrote since a moment, as they are now, to lay over a snapshot
 * (ADR 0034). "Since" is the replica's own write time, not the register's {@code updatedAt}: an import
 * of a file exported last week changes contacts now, with last week's {@code updatedAt}.
 *
 * <p>In DynamoDB every write of a contact (import, change event, landing answer, gift, opt-out,
 * deletion) stamps the item with its write time in a sparse index sharded like the contacts; the
 * changes since a moment are a query per shard and a consistent read of the items it names.
 * <pre>{@code
 * Optional<SnapshotDelta> overlay = feed.changedSince(tenant, snapshot.asOf().minusSeconds(15), 5_000);
 * }</pre>
 */
public interface ContactChangeFeed {

    /** A feed that never reports a change: evaluation is then only as fresh as the last rebuild. */
    ContactChangeFeed NONE = (tenant, since, limit) -> Optional.of(SnapshotDelta.EMPTY);

    /**
     * The contacts written at or after {@code since}, each as it is now (a deleted one as a deletion).
     *
     * @param limit the most contacts worth overlaying; past it, rebuilding the snapshot is cheaper
     * @return empty when more than {@code limit} contacts changed
     */
    Optional<SnapshotDelta> changedSince(TenantId tenant, Instant since, int limit);
}
