package no.dialog.aws.secrets;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.dialog.aws.snapstart.RestoreHook;
import no.dialog.core.tenant.CredentialFingerprint;
import no.dialog.core.tenant.CredentialProvider;
import no.dialog.core.tenant.ProviderCredentials;
import no.dialog.core.tenant.TenantId;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.InvalidRequestException;
import software.amazon.awssdk.services.secretsmanager.model.ResourceExistsException;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

/**
 * {@link ProviderCredentials} in Secrets Manager: one secret per tenant and provider, named
 * {@code <prefix><tenant>/<provider>} (the template passes {@code dialog/<stage>/tenants/} as
 * {@code TENANT_SECRETS_PREFIX}), its value the fields as a JSON object.
 *
 * <p>The fingerprint is kept in the secret's description, written in the same {@code UpdateSecret} call as the value,
 * so showing it needs {@code DescribeSecret} only: the admin API never holds {@code GetSecretValue} on tenants'
 * credentials. The revision is the version id of {@code AWSCURRENT}; the time set is {@code LastChangedDate}.
 * A change compares the revision first; two changes in the same instant can still both pass (Secrets Manager has no
 * conditional write), the later one winning, as with a change made a moment after.
 *
 * <p>Reads for the senders ({@link #find}) are kept for the TTL, misses too (most tenants use the deployment's
 * account), at most {@link #MAX_HELD} entries, and dropped after a SnapStart restore.
 */
public final class SecretsManagerProviderCredentials implements ProviderCredentials, RestoreHook {

    static final int MAX_HELD = 10_000;
    private static final String DESCRIPTION = "Dialog provider credentials; fingerprint ";
    private static final Pattern FINGERPRINT = Pattern.compile("fingerprint (sha256:[0-9a-f]{12})");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SecretsManagerClient client;
    private final String prefix;
    private final Clock clock;
    private final long ttlNanos;
    private final LongSupplier nanoTime;
    private final Map<String, Held> held = new ConcurrentHashMap<>();

    private record Held(Optional<Map<String, String>> fields, long until) {
    }

    /**
     * @param prefix   the secrets' name prefix, e.g. {@code dialog/prod/tenants/}
     * @param ttl      how long {@link #find} keeps what it read
     * @param nanoTime a monotonic clock
     */
    public SecretsManagerProviderCredentials(SecretsManagerClient client, String prefix, Clock clock, Duration ttl,
            LongSupplier nanoTime) {
        if (!prefix.matches("[A-Za-z0-9/_+=.@-]+/")) {
            throw new IllegalArgumentException("the tenant secrets' prefix must be a secret name path ending in /");
        }
        this.client = client;
        this.prefix = prefix;
        this.clock = clock;
        this.ttlNanos = ttl.toNanos();
        this.nanoTime = nanoTime;
    }

    String name(TenantId tenant, CredentialProvider provider) {
        return prefix + tenant.value() + "/" + provider.id();
    }

    @Override
    public CredentialFingerprint put(TenantId tenant, CredentialProvider provider, Map<String, String> fields,
            Optional<String> expectedRevision) {
        List<CredentialProvider.FieldProblem> problems = provider.problems(fields);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(problems.get(0).path() + " " + problems.get(0).reason());
        }
        // Blank optional fields are left out, so they fall back to the deployment's values.
        Map<String, String> kept = new TreeMap<>();
        fields.forEach((name, value) -> {
            if (value != null && !value.isBlank()) {
                kept.put(name, value);
            }
        });
        String name = name(tenant, provider);
        Optional<String> current = fingerprint(tenant, provider).map(CredentialFingerprint::revision);
        if (!current.equals(expectedRevision)) {
            throw new RevisionConflict("the " + provider.id() + " credentials were changed meanwhile");
        }
        String fingerprint = CredentialFingerprint.of(kept);
        String value = json(kept);
        String versionId;
        if (current.isEmpty()) {
            try {
                versionId = client.createSecret(b -> b.name(name).secretString(value)
                        .description(DESCRIPTION + fingerprint)
                        .tags(t -> t.key("dialog:tenant").value(tenant.value()),
                                t -> t.key("dialog:provider").value(provider.id()))).versionId();
            } catch (ResourceExistsException e) {
                throw new RevisionConflict("the " + provider.id() + " credentials were set meanwhile");
            }
        } else {
            versionId = client.updateSecret(b -> b.secretId(name).secretString(value)
                    .description(DESCRIPTION + fingerprint)).versionId();
        }
        held.remove(name);
        return new CredentialFingerprint(provider, fingerprint, clock.instant(), versionId);
    }

    @Override
    public Optional<Map<String, String>> find(TenantId tenant, CredentialProvider provider) {
        String name = name(tenant, provider);
        long now = nanoTime.getAsLong();
        Held known = held.get(name);
        if (known != null && now - known.until() < 0) {
            return known.fields();
        }
        Optional<Map<String, String>> fields;
        try {
            fields = Optional.of(fields(client.getSecretValue(b -> b.secretId(name)).secretString()));
        } catch (ResourceNotFoundException | InvalidRequestException e) {
            // Missing, or scheduled for deletion (InvalidRequestException): the deployment's account is used.
            fields = Optional.empty();
        }
        if (held.size() >= MAX_HELD) {
            held.clear();
        }
        held.put(name, new Held(fields, now + ttlNanos));
        return fields;
    }

    @Override
    public Optional<CredentialFingerprint> fingerprint(TenantId tenant, CredentialProvider provider) {
        DescribeSecretResponse secret;
        try {
            secret = client.describeSecret(b -> b.secretId(name(tenant, provider)));
        } catch (ResourceNotFoundException e) {
            return Optional.empty();
        }
        if (secret.deletedDate() != null) {
            return Optional.empty();
        }
        Optional<String> revision = secret.versionIdsToStages().entrySet().stream()
                .filter(version -> version.getValue().contains("AWSCURRENT")).map(Map.Entry::getKey).findFirst();
        if (revision.isEmpty()) {
            return Optional.empty();
        }
        Matcher fingerprint = FINGERPRINT.matcher(secret.description() == null ? "" : secret.description());
        return Optional.of(new CredentialFingerprint(provider, fingerprint.find() ? fingerprint.group(1) : "unknown",
                secret.lastChangedDate(), revision.get()));
    }

    @Override
    public void afterRestore() {
        held.clear();
    }

    private static String json(Map<String, String> fields) {
        try {
            return JSON.writeValueAsString(fields);
        } catch (IOException e) {
            throw new IllegalStateException("could not write the credentials as JSON", e);
        }
    }

    private static Map<String, String> fields(String json) {
        try {
            return Map.copyOf(JSON.readValue(json, new TypeReference<Map<String, String>>() { }));
        } catch (IOException e) {
            // The value is not shown: it is a secret.
            throw new IllegalStateException("a tenant's provider credentials are not a JSON object of strings");
        }
    }
}
