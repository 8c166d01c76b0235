package no.dialog.core.privacy.export;

import java.time.Instant;
import java.util.Optional;
import no.dialog.core.tenant.TenantId;

/**
 * Port: the contact's tombstone, which a contact store's {@code find} hides. A person the register deleted
 * ({@code ContactDeleted}) leaves one until it expires, and their copies in other stores stay until theirs do;
 * an erased person leaves one with {@code erasedAt} and nothing else.
 */
public interface ContactTombstones {

    Optional<Tombstone> find(TenantId tenant, String contactId);

    /**
     * @param deletedAt when the register's record was deleted (its time), or the erasure's order time
     * @param erasedAt  when the person was erased, or null when the register only deleted them
     */
    record Tombstone(Instant deletedAt, Instant erasedAt) {}
}
