package no.dialog.aws.payment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import no.dialog.aws.snapstart.RestoreHook;
import no.dialog.core.payment.vipps.VippsCredentials;
import no.dialog.core.payment.vipps.VippsSettings;
import no.dialog.core.tenant.Tenant;
import no.dialog.core.tenant.TenantDirectory;
import no.dialog.core.tenant.TenantId;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

/**
 * {@link VippsSettings} in AWS ({@code VIPPS_SETTINGS=secrets-manager}, the default): one secret per tenant,
 * named {@code dialog/<stage>/tenants/<tenant>/vipps} ({@code DIALOG_STAGE}; where {@code PUT /admin/v1/providers/vipps}
 * stores them, {@code SecretsManagerProviderCredentials}), holding JSON
 * <pre>{"clientId": "...", "clientSecret": "...", "subscriptionKey": "...", "merchantSerialNumber": "...",
 *  "webhookSecret": "..."}</pre>
 * and the non-secret choices from the tenant's settings ({@link VippsChoices}). No secret: the tenant has
 * no Vipps. What was read (a secret or its absence) is kept for {@link #CACHED} per tenant, so a busy
 * webhook costs one Secrets Manager call per tenant per five minutes, and a rotated or added secret is
 * used within five minutes. Failures other than a missing secret are not cached: the next call asks again.
 * The cache holds at most {@link #MAX_CACHED_TENANTS} tenants (expired entries go first, then all), so
 * requests naming ever new tenants cannot grow it without bound.
 */
@Singleton
@Requires(classes = SecretsManagerClient.class)
@Requires(beans = TenantDirectory.class)
@Requires(property = "vipps.settings", value = "secrets-manager", defaultValue = "secrets-manager")
public class SecretsManagerVippsSettings implements VippsSettings, RestoreHook {

    static final Duration CACHED = Duration.ofMinutes(5);
    static final int MAX_CACHED_TENANTS = 1000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Cached(Optional<TenantVipps> settings, Instant readAt) {}

    private final SecretsManagerClient secrets;
    private final TenantDirectory tenants;
    private final Clock clock;
    private final String stage;
    private final Map<TenantId, Cached> cache = new ConcurrentHashMap<>();
    private final int maxCached;

    @jakarta.inject.Inject
    public SecretsManagerVippsSettings(SecretsManagerClient secrets, TenantDirectory tenants, Clock clock,
                                       @Value("${dialog.stage:}") String stage) {
        this(secrets, tenants, clock, stage, MAX_CACHED_TENANTS);
    }

    SecretsManagerVippsSettings(SecretsManagerClient secrets, TenantDirectory tenants, Clock clock, String stage,
                                int maxCached) {
        if (stage == null || stage.isBlank()) {
            throw new IllegalStateException("DIALOG_STAGE is needed to name the tenants' Vipps secrets");
        }
        this.secrets = secrets;
        this.tenants = tenants;
        this.clock = clock;
        this.stage = stage.trim();
        this.maxCached = maxCached;
    }

    /** The secret's name for a tenant. */
    public String secretName(TenantId tenant) {
        return "dialog/" + stage + "/tenants/" + tenant.value() + "/vipps";
    }

    /**
     * @throws IllegalStateException if the secret is not JSON or lacks a field (named in the message, never a
     *                               value)
     */
    @Override
    public Optional<TenantVipps> forTenant(TenantId tenant) {
        Instant now = clock.instant();
        Cached cached = cache.get(tenant);
        if (cached != null && now.isBefore(cached.readAt().plus(CACHED))) {
            return cached.settings();
        }
        Optional<TenantVipps> read = read(tenant);
        if (cached == null && cache.size() >= maxCached) {
            cache.values().removeIf(entry -> !now.isBefore(entry.readAt().plus(CACHED)));
            if (cache.size() >= maxCached) {
                cache.clear();
            }
        }
        cache.put(tenant, new Cached(read, now));
        return read;
    }

    /** How many tenants' settings are kept now. */
    int cachedTenants() {
        return cache.size();
    }

    private Optional<TenantVipps> read(TenantId id) {
        String name = secretName(id);
        GetSecretValueResponse response;
        try {
            response = secrets.getSecretValue(b -> b.secretId(name));
        } catch (ResourceNotFoundException e) {
            return Optional.empty();
        }
        JsonNode secret;
        try {
            secret = JSON.readTree(response.secretString() == null ? "" : response.secretString());
        } catch (IOException e) {
            // Not e: a parser's message may quote the secret.
            throw new IllegalStateException("secret " + name + " is not JSON");
        }
        if (secret == null || !secret.isObject()) {
            throw new IllegalStateException("secret " + name + " is not a JSON object");
        }
        Optional<Tenant> tenant = tenants.find(id);
        VippsCredentials credentials = new VippsCredentials(field(secret, name, "clientId"),
                field(secret, name, "clientSecret"), field(secret, name, "subscriptionKey"),
                field(secret, name, "merchantSerialNumber"));
        return Optional.of(new TenantVipps(credentials, field(secret, name, "webhookSecret"),
                VippsChoices.captureAtOnce(id, tenant), VippsChoices.recurringProductName(tenant)));
    }

    private static String field(JsonNode secret, String name, String field) {
        JsonNode value = secret.get(field);
        if (value == null || !value.isValueNode() || value.asText().isBlank()) {
            throw new IllegalStateException("secret " + name + " has no " + field);
        }
        return value.asText().trim();
    }

    /** Secrets are kept by the clock's time, which jumps between a snapshot and a restore: read them again. */
    @Override
    public void afterRestore() {
        cache.clear();
    }
}
