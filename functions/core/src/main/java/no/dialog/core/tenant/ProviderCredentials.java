package no.dialog.core.tenant;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Port: an organisation's own provider credentials (its LINK, Make, SMTP or Vipps account), kept where secrets
 * belong (Secrets Manager in {@code functions/aws}). Write-only towards staff: {@link #put} and
 * {@link #fingerprints} never hand a value back; only the senders' {@link #find} does.
 *
 * <pre>{@code
 * CredentialFingerprint set = credentials.put(tenant, CredentialProvider.LINK,
 *         Map.of("username", "org", "password", "..."), Optional.of(seen.revision()));
 * }</pre>
 */
public interface ProviderCredentials {

    /**
     * Stores the fields (checked with {@link CredentialProvider#problems} first), replacing what was there.
     *
     * @param expectedRevision the revision the caller saw ({@link CredentialFingerprint#revision()}), or empty when it
     *                         saw none stored
     * @throws RevisionConflict when the stored revision is another (someone changed them meanwhile)
     * @throws IllegalArgumentException when a field is wrong
     */
    CredentialFingerprint put(TenantId tenant, CredentialProvider provider, Map<String, String> fields,
            Optional<String> expectedRevision);

    /** The tenant's fields for this provider, for the function that uses them; empty when the tenant has none. */
    Optional<Map<String, String>> find(TenantId tenant, CredentialProvider provider);

    /** The fingerprint of the tenant's credentials for this provider, if any are stored. */
    Optional<CredentialFingerprint> fingerprint(TenantId tenant, CredentialProvider provider);

    /** The fingerprints of every provider the tenant has credentials for, in {@link CredentialProvider} order. */
    default List<CredentialFingerprint> fingerprints(TenantId tenant) {
        return java.util.Arrays.stream(CredentialProvider.values())
                .map(provider -> fingerprint(tenant, provider))
                .flatMap(Optional::stream)
                .toList();
    }

    /** The stored revision is not the one the change was based on. */
    final class RevisionConflict extends RuntimeException {
        public RevisionConflict(String message) {
            super(message, null, false, false);
        }
    }

    /** Credentials nowhere: every tenant uses the deployment's accounts. */
    ProviderCredentials NONE = new ProviderCredentials() {
        @Override
        public CredentialFingerprint put(TenantId tenant, CredentialProvider provider, Map<String, String> fields,
                Optional<String> expectedRevision) {
            throw new UnsupportedOperationException("no credential store configured");
        }

        @Override
        public Optional<Map<String, String>> find(TenantId tenant, CredentialProvider provider) {
            return Optional.empty();
        }

        @Override
        public Optional<CredentialFingerprint> fingerprint(TenantId tenant, CredentialProvider provider) {
            return Optional.empty();
        }
    };
}
