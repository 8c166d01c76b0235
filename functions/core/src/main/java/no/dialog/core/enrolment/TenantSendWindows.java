package no.dialog.core.enrolment;

import no.dialog.core.journey.SendWindows;
import no.dialog.core.tenant.TenantId;

/** Port: each organisation's {@link SendWindows} (its quiet hours are a setting). */
@FunctionalInterface
public interface TenantSendWindows {

    TenantSendWindows ALWAYS = tenant -> SendWindows.ALWAYS;

    SendWindows of(TenantId tenant);
}
