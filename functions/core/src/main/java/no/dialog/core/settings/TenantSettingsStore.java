package no.dialog.core.settings;

import java.util.Optional;
import no.dialog.core.tenant.TenantId;

/** Port: a tenant's settings with their revision, read fresh (no cache) and replaced only over the revision read. */
public interface TenantSettingsStore {

    /** Empty when there is no such tenant. */
    Optional<StoredSettings> read(TenantId tenant);

    /**
     * Replaces the tenant's settings and frequency caps if their revision is still {@code expectedRevision}.
     *
     * @return the new revision ({@code expectedRevision + 1})
     * @throws StaleRevision when the tenant is missing or its revision is another
     */
    long replace(TenantId tenant, long expectedRevision, StoredSettings replacement);

    /** The settings changed since they were read (or the tenant is gone). */
    final class StaleRevision extends RuntimeException {
        public StaleRevision(String message) {
            super(message);
        }
    }
}
