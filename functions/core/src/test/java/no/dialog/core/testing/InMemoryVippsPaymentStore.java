package no.dialog.core.testing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import no.dialog.core.payment.vipps.VippsPaymentStore;
import no.dialog.core.tenant.TenantId;

/** A {@link VippsPaymentStore} in memory, with the table's conditional writes (one start per reference, one charge per agreement and due date). */
public final class InMemoryVippsPaymentStore implements VippsPaymentStore {

    private final Map<String, Started> starts = new ConcurrentHashMap<>();
    private final Map<String, Charge> charges = new ConcurrentHashMap<>();
    public int updates;

    @Override
    public synchronized boolean create(TenantId tenant, Started started) {
        return starts.putIfAbsent(key(tenant, started.reference()), started) == null;
    }

    @Override
    public Optional<Started> find(TenantId tenant, String reference) {
        return Optional.ofNullable(starts.get(key(tenant, reference)));
    }

    @Override
    public Optional<Started> findByAgreement(TenantId tenant, String agreementId) {
        return starts.entrySet().stream()
                .filter(e -> e.getKey().startsWith(tenant.value() + "#") && agreementId.equals(e.getValue().agreementId()))
                .map(Map.Entry::getValue).findFirst();
    }

    @Override
    public synchronized void update(TenantId tenant, Started started) {
        if (!starts.containsKey(key(tenant, started.reference()))) {
            throw new IllegalStateException("no start with that reference");
        }
        updates++;
        starts.put(key(tenant, started.reference()), started);
    }

    @Override
    public List<Started> agreementsDueBy(TenantId tenant, LocalDate dueBy) {
        List<Started> due = new ArrayList<>();
        starts.forEach((key, started) -> {
            if (key.startsWith(tenant.value() + "#") && started.monthly() && "ACTIVE".equals(started.state())
                    && started.nextChargeDue() != null && !started.nextChargeDue().isAfter(dueBy)) {
                due.add(started);
            }
        });
        due.sort(Comparator.comparing(Started::nextChargeDue).thenComparing(Started::reference));
        return due;
    }

    @Override
    public synchronized boolean addCharge(TenantId tenant, Charge charge) {
        boolean sameDate = charges.entrySet().stream().anyMatch(e -> e.getKey().startsWith(tenant.value() + "#")
                && e.getValue().agreementId().equals(charge.agreementId()) && e.getValue().due().equals(charge.due()));
        if (sameDate) {
            return false;
        }
        return charges.putIfAbsent(key(tenant, charge.chargeId()), charge) == null;
    }

    @Override
    public Optional<Charge> findCharge(TenantId tenant, String chargeId) {
        return Optional.ofNullable(charges.get(key(tenant, chargeId)));
    }

    @Override
    public synchronized void updateCharge(TenantId tenant, Charge charge) {
        charges.put(key(tenant, charge.chargeId()), charge);
    }

    public List<Charge> charges(TenantId tenant) {
        return charges.entrySet().stream().filter(e -> e.getKey().startsWith(tenant.value() + "#"))
                .map(Map.Entry::getValue).sorted(Comparator.comparing(Charge::due)).toList();
    }

    private static String key(TenantId tenant, String id) {
        return tenant.value() + "#" + id;
    }
}
