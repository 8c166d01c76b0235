package no.dialog.core.landing;

import java.util.Objects;
import java.util.Optional;
import no.dialog.core.crypto.TenantSealer;
import no.dialog.core.tenant.TenantId;

/**
 * National identity numbers at rest: sealed with the organisation's own data key ({@link TenantSealer},
 * {@code tk1.<keyId>.…}), and still read in the deployment-wide format that came before ({@link SecretSealer},
 * {@code v<n>.…}, associated data {@code tenant:contactId}) while such values exist: read both, write new
 * (docs/adr/0028-tenant-data-keys.md, "Migration"). Without the old key, an old value does not open.
 */
public final class SealedNumbers {

    private final TenantSealer sealer;
    private final Optional<SecretSealer> legacy;

    /** @param legacy the deployment-wide key of the old format, while values sealed with it may still be read */
    public SealedNumbers(TenantSealer sealer, Optional<SecretSealer> legacy) {
        this.sealer = Objects.requireNonNull(sealer, "sealer");
        this.legacy = Objects.requireNonNull(legacy, "legacy");
    }

    public String seal(TenantId tenant, String contactId, String number) {
        return sealer.seal(tenant, contactId, number);
    }

    /** @throws IllegalArgumentException if it does not open for this tenant and person (never shows the value) */
    public String open(TenantId tenant, String contactId, String sealed) {
        if (TenantSealer.isSealedHere(sealed)) {
            return sealer.open(tenant, contactId, sealed);
        }
        if (sealed != null && sealed.matches("v[0-9]+\\..*")) {
            return legacy.orElseThrow(() -> new IllegalArgumentException(
                    "sealed with the former deployment key, which is not configured")).open(sealed,
                    tenant.value() + ":" + contactId);
        }
        throw new IllegalArgumentException("not a sealed value");
    }
}
