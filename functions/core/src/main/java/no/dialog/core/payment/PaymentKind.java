package no.dialog.core.payment;

import java.util.Locale;

/**
 * What a payment is for. Gifts and invoice payments (membership fees) are kept apart in the ledger: a
 * journey whose goal is a gift counts only gifts.
 */
public enum PaymentKind {
    GIFT, INVOICE;

    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
