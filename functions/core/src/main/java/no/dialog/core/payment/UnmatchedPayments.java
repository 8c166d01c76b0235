package no.dialog.core.payment;

import java.util.List;
import java.util.Optional;
import no.dialog.core.paging.Page;
import no.dialog.core.paging.PageRequest;
import no.dialog.core.tenant.TenantId;

/** Port: payments waiting for staff to match them to a journey (see {@link UnmatchedPayment}). */
public interface UnmatchedPayments {

    /** Keeps the payment unless one with its id is kept; returns false if it is. */
    boolean add(TenantId tenant, UnmatchedPayment payment);

    Optional<UnmatchedPayment> find(TenantId tenant, String paymentId);

    /** Open payments, newest first, at most {@code limit}. */
    default List<UnmatchedPayment> open(TenantId tenant, int limit) {
        return open(tenant, PageRequest.first(Math.min(limit, PageRequest.MAX_LIMIT))).items();
    }

    /**
     * One page of the open payments, newest first. The page's key is the store's own; a key the store
     * did not give is refused with an {@link IllegalArgumentException}.
     */
    Page<UnmatchedPayment> open(TenantId tenant, PageRequest request);

    /** Replaces the stored payment with the same id (a decision: confirmed or rejected). */
    void update(TenantId tenant, UnmatchedPayment payment);
}
