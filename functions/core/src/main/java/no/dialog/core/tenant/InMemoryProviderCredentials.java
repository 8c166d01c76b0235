package no.dialog.core.tenant;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** {@link ProviderCredentials} in memory, for tests of what uses them. */
public final class InMemoryProviderCredentials implements ProviderCredentials {

    private record Stored(Map<String, String> fields, CredentialFingerprint fingerprint) {
    }

    private final Map<String, Stored> stored = new ConcurrentHashMap<>();
    private final AtomicLong revisions = new AtomicLong();
    private final Clock clock;

    public InMemoryProviderCredentials(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized CredentialFingerprint put(TenantId tenant, CredentialProvider provider,
            Map<String, String> fields, Optional<String> expectedRevision) {
        var problems = provider.problems(fields);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(problems.get(0).path() + " " + problems.get(0).reason());
        }
        Optional<String> current = fingerprint(tenant, provider).map(CredentialFingerprint::revision);
        if (!current.equals(expectedRevision)) {
            throw new RevisionConflict("the credentials were changed meanwhile");
        }
        CredentialFingerprint fingerprint = new CredentialFingerprint(provider, CredentialFingerprint.of(fields),
                clock.instant(), Long.toString(revisions.incrementAndGet()));
        stored.put(key(tenant, provider), new Stored(Map.copyOf(fields), fingerprint));
        return fingerprint;
    }

    @Override
    public Optional<Map<String, String>> find(TenantId tenant, CredentialProvider provider) {
        return Optional.ofNullable(stored.get(key(tenant, provider))).map(Stored::fields);
    }

    @Override
    public Optional<CredentialFingerprint> fingerprint(TenantId tenant, CredentialProvider provider) {
        return Optional.ofNullable(stored.get(key(tenant, provider))).map(Stored::fingerprint);
    }

    private static String key(TenantId tenant, CredentialProvider provider) {
        return tenant.value() + "/" + provider.id();
    }
}
