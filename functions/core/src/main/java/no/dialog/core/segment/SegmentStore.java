package no.dialog.core.segment;

import java.util.List;
import java.util.Optional;
import no.dialog.core.tenant.TenantId;

/** Where a tenant's segments are kept. Every call is scoped to one tenant. */
public interface SegmentStore {

    Optional<SegmentDefinition> find(TenantId tenant, String segmentId);

    List<SegmentDefinition> list(TenantId tenant);

    void save(TenantId tenant, SegmentDefinition segment);

    /** Returns false when there was no such segment. */
    boolean delete(TenantId tenant, String segmentId);
}
