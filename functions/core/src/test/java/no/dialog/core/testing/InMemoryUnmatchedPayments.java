package no.dialog.core.testing;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import no.dialog.core.paging.Page;
import no.dialog.core.paging.PageRequest;
import no.dialog.core.payment.UnmatchedPayment;
import no.dialog.core.payment.UnmatchedPayments;
import no.dialog.core.tenant.TenantId;

/** {@link UnmatchedPayments} in a map, keyed by tenant and payment id. */
public final class InMemoryUnmatchedPayments implements UnmatchedPayments {

    private final Map<String, UnmatchedPayment> payments = new ConcurrentHashMap<>();

    @Override
    public boolean add(TenantId tenant, UnmatchedPayment payment) {
        return payments.putIfAbsent(key(tenant, payment.paymentId()), payment) == null;
    }

    @Override
    public Optional<UnmatchedPayment> find(TenantId tenant, String paymentId) {
        return Optional.ofNullable(payments.get(key(tenant, paymentId)));
    }

    /** Newest first: the key is the receipt time (inverted, so key order is newest first) and the id. */
    @Override
    public Page<UnmatchedPayment> open(TenantId tenant, PageRequest request) {
        List<UnmatchedPayment> open = payments.entrySet().stream()
                .filter(entry -> entry.getKey().startsWith(tenant.value() + "#"))
                .map(Map.Entry::getValue)
                .filter(payment -> "open".equals(payment.status()))
                .toList();
        return Page.of(open, InMemoryUnmatchedPayments::newestFirst, request);
    }

    private static String newestFirst(UnmatchedPayment payment) {
        return "%020d#%s".formatted(Long.MAX_VALUE - payment.receivedAt().toEpochMilli(), payment.paymentId());
    }

    @Override
    public void update(TenantId tenant, UnmatchedPayment payment) {
        payments.put(key(tenant, payment.paymentId()), payment);
    }

    public int size() {
        return payments.size();
    }

    private static String key(TenantId tenant, String paymentId) {
        return tenant.value() + "#" + paymentId;
    }
}
