package no.dialog.aws.payment;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.Optional;
import no.dialog.core.payment.vipps.VippsCredentials;
import no.dialog.core.payment.vipps.VippsSettings;
import no.dialog.core.tenant.Tenant;
import no.dialog.core.tenant.TenantDirectory;
import no.dialog.core.tenant.TenantId;

/**
 * {@link VippsSettings} read wholly from the tenant's settings, for the local stack and development
 * ({@code VIPPS_SETTINGS=tenant-settings}): {@code vipps.clientId}, {@code vipps.clientSecret},
 * {@code vipps.subscriptionKey}, {@code vipps.merchantSerialNumber}, {@code vipps.webhookSecret}, and the
 * choices of {@link VippsChoices}. A tenant without {@code vipps.clientId} has no Vipps. Read on every call:
 * the tenant directory is the cache, and a changed setting applies at once.
 */
@Singleton
@Requires(beans = TenantDirectory.class)
@Requires(property = "vipps.settings", value = "tenant-settings")
public class TenantSettingsVippsSettings implements VippsSettings {

    private final TenantDirectory tenants;

    public TenantSettingsVippsSettings(TenantDirectory tenants) {
        this.tenants = tenants;
    }

    /**
     * @throws IllegalStateException if the tenant has a client id but lacks another key (named in the message)
     */
    @Override
    public Optional<TenantVipps> forTenant(TenantId id) {
        Optional<Tenant> tenant = tenants.find(id);
        if (tenant.isEmpty() || tenant.get().setting("vipps.clientId").isEmpty()) {
            return Optional.empty();
        }
        Tenant t = tenant.get();
        VippsCredentials credentials = new VippsCredentials(required(t, "vipps.clientId"),
                required(t, "vipps.clientSecret"), required(t, "vipps.subscriptionKey"),
                required(t, "vipps.merchantSerialNumber"));
        return Optional.of(new TenantVipps(credentials, required(t, "vipps.webhookSecret"),
                VippsChoices.captureAtOnce(id, tenant), VippsChoices.recurringProductName(tenant)));
    }

    private static String required(Tenant tenant, String key) {
        return tenant.setting(key).map(String::trim).orElseThrow(() -> new IllegalStateException(
                "tenant " + tenant.id().value() + " has vipps.clientId but no " + key));
    }
}
