package no.dialog.core.send;

import java.util.Objects;
import java.util.regex.Pattern;
import no.dialog.core.contact.Consent;

/**
 * One person to add to (or keep on) a newsletter list, with the consent that allows it.
 *
 * @param account    the organisation's account at the provider
 * @param listId     the provider's list id (digits), from the newsletter template
 * @param email      the person's e-mail address, normalised
 * @param firstName  may be null
 * @param lastName   may be null
 * @param externalId Dialog's contact id (the member register's id), so the provider can match updates
 * @param consent    the person's granted newsletter consent: where and when it was given
 * @param refId      the send request's idempotency key (for the provider's logs where it keeps one)
 */
public record NewsletterSubscription(NewsletterAccount account, String listId, String email, String firstName,
                                     String lastName, String externalId, Consent consent, String refId) {

    private static final Pattern LIST_ID = Pattern.compile("[1-9][0-9]{0,11}");

    public NewsletterSubscription {
        Objects.requireNonNull(account, "account");
        if (listId == null || !LIST_ID.matcher(listId).matches()) {
            throw new IllegalArgumentException("newsletter listId must be 1-12 digits, not starting with 0");
        }
        if (email == null || email.isBlank() || email.indexOf('@') < 1) {
            throw new IllegalArgumentException("newsletter subscription needs an e-mail address");
        }
        if (externalId == null || externalId.isBlank()) {
            throw new IllegalArgumentException("newsletter subscription needs the contact id as external id");
        }
        if (consent == null || !consent.granted() || consent.at() == null) {
            throw new IllegalArgumentException("newsletter subscription needs a granted consent with its time");
        }
        Objects.requireNonNull(refId, "refId");
    }
}
