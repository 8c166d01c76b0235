package no.dialog.core.enrolment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import no.dialog.core.tenant.TenantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The counts of one unit of work (a queue batch, one request), summed per counter and written in one go
 * when the work is done: a batch of 100 SMS for one step is one counter write, not 100. Safe to add to from
 * the sender's parallel ledger writes.
 */
public final class ResultTally {

    private static final Logger LOG = LoggerFactory.getLogger(ResultTally.class);

    private final Map<TenantId, Map<ResultKey, Long>> sums = new ConcurrentHashMap<>();

    public void add(TenantId tenant, ResultKey key) {
        sums.computeIfAbsent(tenant, t -> new ConcurrentHashMap<>()).merge(key.counterKey(), key.by(), Long::sum);
    }

    public boolean isEmpty() {
        return sums.isEmpty();
    }

    /**
     * Writes the sums and forgets them. A failed write is logged and lost, not thrown: the happenings it
     * counts are recorded in the ledger already, and failing the work would only deliver it again to
     * count nothing (the ledger's conditions hold it back).
     */
    public void flushTo(ResultCounts counts, Instant at) {
        for (TenantId tenant : List.copyOf(sums.keySet())) {
            Map<ResultKey, Long> byKey = sums.remove(tenant);
            if (byKey == null || byKey.isEmpty()) {
                continue;
            }
            List<ResultKey> keys = new ArrayList<>(byKey.size());
            byKey.forEach((key, by) -> keys.add(new ResultKey(key.journeyId(), key.version(), key.stepId(),
                    key.variant(), key.channel(), key.counter(), by)));
            try {
                counts.add(tenant, keys, at);
            } catch (RuntimeException e) {
                LOG.warn("{} result counter(s) of tenant {} not written: {}", keys.size(), tenant.value(),
                        e.getClass().getSimpleName());
            }
        }
    }
}
