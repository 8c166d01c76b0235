package no.dialog.core.payment.vipps;

import java.util.Optional;
import no.dialog.core.tenant.TenantId;

/**
 * Port: a tenant's Vipps set-up: API credentials (AWS: Secrets Manager; local stack: its config), the
 * secret of its webhook registration, and its choices. Empty when the tenant has no Vipps agreement.
 */
public interface VippsSettings {

    /**
     * @param webhookSecret  the secret Vipps gave when Dialog registered the tenant's webhook
     * @param captureAtOnce  capture an authorised ePayment at once (donations are usually captured at once)
     * @param recurringProductName the text the person sees on a regular-donor agreement
     */
    record TenantVipps(VippsCredentials credentials, String webhookSecret, boolean captureAtOnce,
                       String recurringProductName) {

        @Override
        public String toString() {
            return "TenantVipps[" + credentials + "]";
        }
    }

    Optional<TenantVipps> forTenant(TenantId tenant);
}
