package no.dialog.core.testing;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import no.dialog.core.payment.TenantNumbers;
import no.dialog.core.tenant.TenantId;

/** {@link TenantNumbers} in maps, numbered from 1 per tenant and kind. */
public final class InMemoryTenantNumbers implements TenantNumbers {

    private final Map<String, Long> numbers = new HashMap<>();
    private final Map<String, String> reverse = new HashMap<>();
    private final Map<String, Long> counters = new HashMap<>();

    @Override
    public synchronized long contactNumber(TenantId tenant, String contactId) {
        return number(tenant, "contact", contactId);
    }

    @Override
    public synchronized long stepNumber(TenantId tenant, String journeyId, int version, String stepId) {
        return number(tenant, "step", journeyId + "/" + version + "/" + stepId);
    }

    @Override
    public synchronized Optional<String> contactId(TenantId tenant, long contactNumber) {
        return Optional.ofNullable(reverse.get(tenant.value() + "#contact#" + contactNumber));
    }

    @Override
    public synchronized Optional<StepRef> step(TenantId tenant, long stepNumber) {
        return Optional.ofNullable(reverse.get(tenant.value() + "#step#" + stepNumber)).map(text -> {
            String[] parts = text.split("/");
            return new StepRef(parts[0], Integer.parseInt(parts[1]), parts[2]);
        });
    }

    private long number(TenantId tenant, String kind, String id) {
        String key = tenant.value() + "#" + kind + "#" + id;
        Long known = numbers.get(key);
        if (known != null) {
            return known;
        }
        long next = counters.merge(tenant.value() + "#" + kind, 1L, Long::sum);
        numbers.put(key, next);
        reverse.put(tenant.value() + "#" + kind + "#" + next, id);
        return next;
    }
}
