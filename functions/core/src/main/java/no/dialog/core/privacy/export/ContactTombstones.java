package no.dialog.core.privacy.export;

import java.time.Instant;
import java.util.Optional;
import no.dialog.core.tenant.TenantId;

/** Port: when a contact was erased, if their tombstone says so (a contact store's {@code find} hides tombstones). */
public interface ErasedContacts {

    Optional<Instant> erasedAt(TenantId tenant, String contactId);
}
