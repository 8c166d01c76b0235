package no.dialog.core.crypto;

import java.util.Objects;
import no.dialog.core.tenant.TenantId;

/**
 * Port: each organisation's data keys for envelope encryption (docs/adr/0028-tenant-data-keys.md). A data key is
 * 32 random bytes (AES-256), made and wrapped by a key-management service under Dialog's master key with the
 * tenant as encryption context, so the wrapped key opens only for that tenant. Keys are numbered per tenant from 1;
 * a rotation adds the next number, and the older ones stay to open what they sealed.
 *
 * <pre>{@code
 * DataKey key = keys.current(tenant);        // seal with key.key(), write key.id() beside the ciphertext
 * DataKey same = keys.byId(tenant, key.id()); // open later
 * }</pre>
 */
public interface TenantKeys {

    /** The key new values of this tenant are sealed with; made on first use. */
    DataKey current(TenantId tenant);

    /**
     * The tenant's key with this number.
     *
     * @throws UnknownKey if the tenant has no such key (the value was not sealed for this tenant, or altered)
     */
    DataKey byId(TenantId tenant, int id);

    /** A tenant's data key: its number and its 32 plaintext bytes (held in memory only; copied in and out). */
    record DataKey(int id, byte[] key) {
        public DataKey {
            if (id < 1) {
                throw new IllegalArgumentException("data key ids start at 1");
            }
            Objects.requireNonNull(key, "key");
            if (key.length != 32) {
                throw new IllegalArgumentException("a data key is 32 bytes (AES-256)");
            }
            key = key.clone(); // the caller may wipe its array
        }

        /** A copy of the key bytes. */
        @Override
        public byte[] key() {
            return key.clone();
        }

        @Override
        public String toString() {
            return "DataKey[id=" + id + "]"; // never the key
        }
    }

    /** No key of that number for that tenant. The message names neither a value nor a key. */
    final class UnknownKey extends RuntimeException {
        public UnknownKey(String message) {
            super(message);
        }
    }
}
