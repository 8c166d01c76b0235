package no.dialog.core.segment;

import java.util.List;
import java.util.Optional;
import no.dialog.core.paging.Page;
import no.dialog.core.paging.PageRequest;
import no.dialog.core.tenant.TenantId;

/** Where a tenant's segments are kept. Every call is scoped to one tenant. */
public interface SegmentStore {

    Optional<SegmentDefinition> find(TenantId tenant, String segmentId);

    List<SegmentDefinition> list(TenantId tenant);

    /**
     * One page of the tenant's segments in id order. This default cuts it from {@link #list}; stores that
     * can page (DynamoDB) read only the page.
     */
    default Page<SegmentDefinition> page(TenantId tenant, PageRequest request) {
        return Page.of(list(tenant), SegmentDefinition::id, request);
    }

    void save(TenantId tenant, SegmentDefinition segment);

    /** Returns false when there was no such segment. */
    boolean delete(TenantId tenant, String segmentId);

    /**
     * Stores a new segment; false (and nothing written) when the id is taken. Stores that can write
     * conditionally override this so that two creates with one id cannot both succeed.
     */
    default boolean create(TenantId tenant, SegmentDefinition segment) {
        if (find(tenant, segment.id()).isPresent()) {
            return false;
        }
        save(tenant, segment);
        return true;
    }

    /**
     * Replaces an existing segment; false (and nothing written) when there is none, so a replace racing a
     * delete does not bring the segment back. Stores that can write conditionally override this.
     */
    default boolean replace(TenantId tenant, SegmentDefinition segment) {
        if (find(tenant, segment.id()).isEmpty()) {
            return false;
        }
        save(tenant, segment);
        return true;
    }
}
