package no.dialog.core.testing;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import no.dialog.core.payment.GiverCandidates;
import no.dialog.core.tenant.TenantId;

/** {@link GiverCandidates} in memory: one candidate per tenant and phone number. */
public final class InMemoryGiverCandidates implements GiverCandidates {

    private final Map<String, String> byPhone = new ConcurrentHashMap<>();
    private final AtomicInteger next = new AtomicInteger();

    @Override
    public synchronized Candidate findOrCreate(TenantId tenant, String phone, String name, List<String> matches,
                                               Instant at) {
        String key = tenant.value() + "#" + phone;
        String existing = byPhone.get(key);
        if (existing != null) {
            return new Candidate(existing, false, matches);
        }
        String id = "candidate-" + next.incrementAndGet();
        byPhone.put(key, id);
        return new Candidate(id, true, matches);
    }
}
