package no.dialog.core.privacy;

import no.dialog.core.tenant.TenantId;

/**
 * Port: the pseudonym that replaces a person's contact id in what must be kept after an erasure (the payment
 * ledger, for bookkeeping). The same tenant and contact id always give the same pseudonym, so the
 * organisation, which knows its own contact ids, can have Dialog compute the pseudonym of an id and find the
 * payments again; without the key nobody can go from a pseudonym back to the id, and two tenants' pseudonyms
 * of one id differ.
 */
public interface Pseudonyms {

    /** The pseudonym of the contact id in the tenant: text with a prefix that says what it is. */
    String of(TenantId tenant, String contactId);
}
