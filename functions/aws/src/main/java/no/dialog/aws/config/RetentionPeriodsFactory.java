package no.dialog.aws.config;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import no.dialog.core.privacy.RetentionPeriods;
import no.dialog.core.privacy.SettingsRetentionPeriods;
import no.dialog.core.tenant.TenantDirectory;

/**
 * Each organisation's retention periods, read from its settings (the tenant directory remembers them for
 * five minutes). Stores in a function without the tenants table (the webhooks function only moves ledger
 * states and writes no new item) use Dialog's defaults.
 */
@Factory
public class RetentionPeriodsFactory {

    @Singleton
    @Requires(beans = TenantDirectory.class)
    RetentionPeriods retentionPeriods(TenantDirectory tenants) {
        return new SettingsRetentionPeriods(tenants);
    }
}
