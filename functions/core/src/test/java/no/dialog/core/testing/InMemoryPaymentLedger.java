package no.dialog.core.testing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import no.dialog.core.payment.PaymentLedger;
import no.dialog.core.payment.RegisteredPayment;
import no.dialog.core.tenant.TenantId;

/** A {@link PaymentLedger} in memory, with the same write-once rule as the table. */
public final class InMemoryPaymentLedger implements PaymentLedger {

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    @Override
    public synchronized boolean add(TenantId tenant, RegisteredPayment payment) {
        return entries.putIfAbsent(key(tenant, payment.paymentId()), new Entry(payment, false)) == null;
    }

    @Override
    public Optional<Entry> find(TenantId tenant, String paymentId) {
        return Optional.ofNullable(entries.get(key(tenant, paymentId)));
    }

    @Override
    public synchronized void markSettled(TenantId tenant, String paymentId) {
        entries.computeIfPresent(key(tenant, paymentId), (k, e) -> new Entry(e.payment(), true));
    }

    @Override
    public List<RegisteredPayment> forContact(TenantId tenant, String contactId) {
        List<RegisteredPayment> found = new ArrayList<>();
        entries.forEach((key, entry) -> {
            if (key.startsWith(tenant.value() + "#") && entry.payment().contactId().equals(contactId)) {
                found.add(entry.payment());
            }
        });
        found.sort(Comparator.comparing(RegisteredPayment::receivedAt).reversed());
        return found;
    }

    public int size() {
        return entries.size();
    }

    private static String key(TenantId tenant, String paymentId) {
        return tenant.value() + "#" + paymentId;
    }
}
