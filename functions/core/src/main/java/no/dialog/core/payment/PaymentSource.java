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
    /** A giro payment with a KID, from a Nets OCR file. */
    OCR_GIRO,
    /** A payment without a KID that staff matched to a journey. */
    MATCHED;

    /** {@code VIPPS_APP} → {@code vipps-app}: the name in JSON, events and keys. */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
