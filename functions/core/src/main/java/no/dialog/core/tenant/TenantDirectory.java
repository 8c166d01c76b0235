package no.dialog.core.tenant;

import java.util.Optional;

/** Port: the organisations Dialog serves. */
public interface TenantDirectory {

    Optional<Tenant> find(TenantId id);

    /** Creates the tenant unless it exists; returns true when it was created now. */
    boolean createIfAbsent(Tenant tenant);

    /** Every tenant's id (a handful to a few hundred: read whole). */
    java.util.List<TenantId> all();
}
