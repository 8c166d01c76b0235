package no.dialog.vipps;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import no.dialog.core.observability.LogKeys;
import no.dialog.core.payment.vipps.VippsSettings;
import no.dialog.core.tenant.TenantDirectory;
import no.dialog.core.tenant.TenantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Runs a scheduled job for every tenant with a Vipps set-up, one after the other. One tenant's failure is
 * logged and does not stop the others; the job's own cursor or due dates make the next run catch up.
 */
@Singleton
@Requires(beans = {TenantDirectory.class, VippsSettings.class})
class VippsTenants {

    private static final Logger LOG = LoggerFactory.getLogger(VippsTenants.class);

    private final TenantDirectory tenants;
    private final VippsSettings settings;

    VippsTenants(TenantDirectory tenants, VippsSettings settings) {
        this.tenants = tenants;
        this.settings = settings;
    }

    /** What a run over the tenants did: tenants done, and tenants whose job failed. */
    record Run(List<String> done, List<String> failed) {}

    Run forEach(String job, Consumer<TenantId> work) {
        List<String> done = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        for (TenantId tenant : tenants.all()) {
            if (settings.forTenant(tenant).isEmpty()) {
                continue;
            }
            MDC.put(LogKeys.TENANT, tenant.value());
            try {
                work.accept(tenant);
                done.add(tenant.value());
            } catch (RuntimeException e) {
                LOG.error("{} failed for a tenant; the next run catches up", job, e);
                failed.add(tenant.value());
            } finally {
                MDC.remove(LogKeys.TENANT);
            }
        }
        return new Run(done, failed);
    }
}
