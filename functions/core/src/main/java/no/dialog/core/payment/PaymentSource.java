package no.dialog.core.payment;

import java.util.Locale;

/** Where money registered in Dialog's payment ledger came from. */
public enum PaymentSource {
    /** A gift to the organisation's Vipps number in the app, found in the Donations report. */
    VIPPS_APP,
    /** A Vipps ePayment Dialog started from a landing page. */
    VIPPS_EPAYMENT,
    /** A charge on a Vipps Recurring agreement (a regular donor). */
    VIPPS_RECURRING,
    /**
     * A giro payment from a Nets OCR file. One without a usable KID keeps this source when staff match it to
     * a journey, so its ledger id stays the one it had while it waited (ADR 0017).
     */
    OCR_GIRO;

    /** {@code VIPPS_APP} → {@code vipps-app}: the name in JSON, events and keys. */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
