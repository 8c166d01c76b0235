package no.dialog.core.testing;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import no.dialog.core.payment.UnmatchedPayment;
import no.dialog.core.payment.UnmatchedPayments;
import no.dialog.core.tenant.TenantId;

/** {@link UnmatchedPayments} in a map: kept once by payment id, per tenant. */
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

    @Override
    public List<UnmatchedPayment> open(TenantId tenant, int limit) {
        String prefix = tenant.value() + "#";
        return payments.entrySet().stream()
                .filter(e -> e.getKey().startsWith(prefix) && "open".equals(e.getValue().status()))
                .map(Map.Entry::getValue)
                .sorted(Comparator.comparing(UnmatchedPayment::receivedAt).reversed())
                .limit(limit)
                .toList();
    }

    @Override
    public void update(TenantId tenant, UnmatchedPayment payment) {
        if (payments.replace(key(tenant, payment.paymentId()), payment) == null) {
            throw new IllegalStateException("no unmatched payment " + payment.paymentId() + " to update");
        }
    }

    private static String key(TenantId tenant, String paymentId) {
        return tenant.value() + "#" + paymentId;
    }
}
