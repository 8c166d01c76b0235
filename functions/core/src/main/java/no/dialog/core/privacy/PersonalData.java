package no.dialog.core.privacy;

import no.dialog.core.tenant.TenantId;

/**
 * Port: one place that holds copies of a person's data (a table, a bucket, a kind of item), and how it
 * forgets them. Every implementation is idempotent: erasing what is already erased finds nothing and
 * returns 0, so a redelivered erasure can run every step again.
 */
public interface PersonalData {

    /** The store's name in an erasure's report ({@code contacts}, {@code enrolments}, {@code payments} ...). */
    String store();

    /**
     * Removes (or, where a law requires the record to stay, pseudonymises) everything this store holds
     * about the person.
     *
     * @return how many items were erased or pseudonymised now (a count, never what they held)
     */
    long erase(TenantId tenant, String contactId);

    /**
     * The same, with what was known of the person when the erasure was asked for (phone numbers, e-mail
     * addresses). Stores that find a person by their contact id alone need not override it; stores that know
     * people by a phone number (giver candidates, unmatched payments) do.
     */
    default long erase(TenantId tenant, ErasureSubject subject) {
        return erase(tenant, subject.contactId());
    }
}
