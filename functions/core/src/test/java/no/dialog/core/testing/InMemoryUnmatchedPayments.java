package no.dialog.core.testing;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import no.dialog.core.payment.UnmatchedPayment;
import no.dialog.core.payment.UnmatchedPayments;
import no.dialog.core.tenant.TenantId;

/** {@link UnmatchedPayments} in memory, kept once per payment id. */
public final class InMemoryUnmatchedPayments implements UnmatchedPayments {

    private final Map<String, UnmatchedPayment> kept = new ConcurrentHashMap<>();

    @Override
    public boolean add(TenantId tenant, UnmatchedPayment payment) {
        return kept.putIfAbsent(tenant.value() + "#" + payment.paymentId(), payment) == null;
    }

    @Override
    public Optional<UnmatchedPayment> find(TenantId tenant, String paymentId) {
        return Optional.ofNullable(kept.get(tenant.value() + "#" + paymentId));
    }

    @Override
    public List<UnmatchedPayment> open(TenantId tenant, int limit) {
        return kept.entrySet().stream().filter(e -> e.getKey().startsWith(tenant.value() + "#"))
                .map(Map.Entry::getValue).filter(p -> "open".equals(p.status()))
                .sorted(Comparator.comparing(UnmatchedPayment::receivedAt).reversed()).limit(limit).toList();
    }

    @Override
    public void update(TenantId tenant, UnmatchedPayment payment) {
        kept.put(tenant.value() + "#" + payment.paymentId(), payment);
    }
}
