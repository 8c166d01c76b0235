package no.dialog.core.privacy;

import java.time.Duration;
import java.util.Objects;
import no.dialog.core.tenant.TenantDirectory;
import no.dialog.core.tenant.TenantId;

/**
 * The retention periods an organisation chose in its settings ({@code retention.<kind>}, days), brought
 * within the platform's bounds; Dialog's default for an unknown organisation or a kind it did not set.
 */
public final class SettingsRetentionPeriods implements RetentionPeriods {

    private final TenantDirectory tenants;

    public SettingsRetentionPeriods(TenantDirectory tenants) {
        this.tenants = Objects.requireNonNull(tenants);
    }

    @Override
    public Duration period(TenantId tenant, RetentionKind kind) {
        return kind.period(tenants.find(tenant).map(t -> t.settings().get(kind.setting())).orElse(null));
    }
}
