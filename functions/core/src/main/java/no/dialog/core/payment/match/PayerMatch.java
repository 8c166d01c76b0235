package no.dialog.core.payment.match;

import java.util.Objects;

/**
 * A contact whose phone, bank account or name is the payer's.
 *
 * @param contactId the contact
 * @param key       which of the payer's details matched
 * @param sharedBy  how many of the tenant's contacts match by this key (1 = unambiguous); the matcher
 *                  trusts each of them {@code 1/sharedBy} as much, since only one of them paid
 */
public record PayerMatch(String contactId, PayerKey key, int sharedBy) {

    public PayerMatch {
        Objects.requireNonNull(contactId, "contactId");
        Objects.requireNonNull(key, "key");
        if (sharedBy < 1) {
            throw new IllegalArgumentException("sharedBy must be at least 1, was " + sharedBy);
        }
    }
}
