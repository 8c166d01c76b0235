package no.dialog.core.compliance;

import java.util.Objects;
import no.dialog.core.enrolment.TenantSendWindows;
import no.dialog.core.journey.SendWindows;
import no.dialog.core.tenant.TenantDirectory;
import no.dialog.core.tenant.TenantId;

/** {@link TenantSendWindows} from each tenant's settings ({@link SendTimes}); an unknown tenant has no windows. */
public final class NorwegianSendWindows implements TenantSendWindows {

    private final TenantDirectory tenants;

    public NorwegianSendWindows(TenantDirectory tenants) {
        this.tenants = Objects.requireNonNull(tenants);
    }

    @Override
    public SendWindows of(TenantId tenant) {
        return tenants.find(tenant)
                .<SendWindows>map(found -> {
                    SendSettings settings = SendSettings.of(found);
                    return (channel, now) -> SendTimes.earliest(settings, channel, now);
                })
                .orElse(SendWindows.ALWAYS);
    }
}
