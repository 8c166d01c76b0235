package no.dialog.core.payment.match;

import java.util.List;
import no.dialog.core.payment.Payer;
import no.dialog.core.tenant.TenantId;

/**
 * Port: the tenant's contacts that match what a payment says about its payer: by phone (E.164), by bank
 * account (the contact attribute {@value #ACCOUNT_ATTRIBUTE}, digits only) and by name (as
 * {@link PayerNames} compares them). One entry per contact and key; a contact matching by phone and by
 * name appears twice. {@link ContactsPayerLookup} implements it over any {@code ContactStore}; a store with
 * indexes on account and name can do it without a scan.
 */
public interface PayerLookup {

    /** The contact attribute that holds a person's bank account number (11 digits in Norway). */
    String ACCOUNT_ATTRIBUTE = "bankAccount";

    List<PayerMatch> find(TenantId tenant, Payer payer);
}
