package no.dialog.core.payment;

import java.util.List;
import java.util.Optional;
import no.dialog.core.paging.Page;
import no.dialog.core.paging.PageRequest;
import no.dialog.core.tenant.TenantId;

/**
 * Port: the payment ledger (gifts and invoice payments), per tenant. An entry is written once
 * (conditionally, by payment id); its effects (the signal to journeys, the event for the register) are
 * marked done afterwards, so a registration cut off between the two is finished by the next attempt
 * instead of being lost or done twice.
 */
public interface PaymentLedger {

    /** A ledger entry and whether its effects were carried out. */
    record Entry(RegisteredPayment payment, boolean settled) {}

    /** Adds the payment unless one with its id exists. Returns false (and changes nothing) if it does. */
    boolean add(TenantId tenant, RegisteredPayment payment);

    Optional<Entry> find(TenantId tenant, String paymentId);

    /** Marks the entry's effects as carried out. */
    void markSettled(TenantId tenant, String paymentId);

    /** The person's payments, newest first. */
    List<RegisteredPayment> forContact(TenantId tenant, String contactId);

    /**
     * One page of the person's payments, newest first. This default cuts it from the whole list (keyed by
     * payment id); the DynamoDB ledger reads only the page.
     *
     * @throws IllegalArgumentException for a page key this store did not give
     */
    default Page<RegisteredPayment> forContact(TenantId tenant, String contactId, PageRequest request) {
        return Page.ofOrdered(forContact(tenant, contactId), RegisteredPayment::paymentId, request);
    }
}
