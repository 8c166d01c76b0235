package no.dialog.core.segment.snapshot;

import java.util.Optional;
import no.dialog.core.tenant.TenantId;

/**
 * Where each tenant's {@link SegmentSnapshot} is kept between evaluations (S3 in production). A
 * stored snapshot replaces the previous one whole; readers see the old or the new, never a mix.
 */
public interface SegmentSnapshotStore {

    void store(TenantId tenant, SegmentSnapshot snapshot);

    /** The tenant's snapshot, or empty if none has been built yet. */
    Optional<SegmentSnapshot> load(TenantId tenant);
}
