package no.dialog.core.payment.match;

/**
 * What tied a contact to a payment's payer. Phone numbers and bank accounts are personal to one household
 * at most; a name is shared by many people and is spelled in many ways, so it is weaker evidence.
 */
public enum PayerKey {
    PHONE, ACCOUNT, NAME;

    /** {@code PHONE} → {@code phone}: the word in reason codes. */
    public String codeName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
