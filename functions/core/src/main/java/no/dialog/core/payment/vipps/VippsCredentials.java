package no.dialog.core.payment.vipps;

import java.util.Objects;

/**
 * One organisation's keys for Vipps MobilePay's APIs (from the merchant portal), and its merchant serial
 * number. Secrets: never logged; {@link #toString()} hides them.
 */
public record VippsCredentials(String clientId, String clientSecret, String subscriptionKey,
                               String merchantSerialNumber) {

    public VippsCredentials {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(clientSecret, "clientSecret");
        Objects.requireNonNull(subscriptionKey, "subscriptionKey");
        Objects.requireNonNull(merchantSerialNumber, "merchantSerialNumber");
    }

    @Override
    public String toString() {
        return "VippsCredentials[msn=" + merchantSerialNumber + "]";
    }
}
