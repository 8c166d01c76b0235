package no.dialog.core.optout;

import no.dialog.core.tenant.TenantId;

/**
 * Port: tells the organisation's register that a person's consent changed ({@code ConsentChanged} on the
 * {@code dialog} bus in AWS), so that the register, which owns consents, records it too. Schema and an
 * example: {@code events/webhooks/consent-changed.json} and the README.
 */
public interface ConsentEvents {

    /** Publishes one change; throws if the bus refused it (the caller's request or message is retried). */
    void consentWithdrawn(TenantId tenant, OptOut optOut);
}
