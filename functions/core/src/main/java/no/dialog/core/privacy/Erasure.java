package no.dialog.core.privacy;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import no.dialog.core.tenant.TenantId;

/**
 * One erasure of one person (GDPR art. 17), as staff and the register see it: no personal data, only ids,
 * times and counts.
 *
 * @param requestedBy who asked: a staff subject, or {@code register} for an org-system {@code ContactErased}
 * @param erased      per store, how many items were erased or pseudonymised (stores not yet done are absent)
 * @param finishedAt  null while in progress
 */
public record Erasure(TenantId tenant, String erasureId, String contactId, String requestedBy, Instant requestedAt,
                      Map<String, Long> erased, Instant finishedAt) {

    public Erasure {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(erasureId, "erasureId");
        Objects.requireNonNull(contactId, "contactId");
        // In the order the stores were erased, for the report.
        erased = erased == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(erased));
    }

    public static Erasure requested(TenantId tenant, String erasureId, String contactId, String requestedBy,
                                    Instant at) {
        return new Erasure(tenant, erasureId, contactId, requestedBy, at, Map.of(), null);
    }

    public boolean done() {
        return finishedAt != null;
    }

    public boolean stepDone(String store) {
        return erased.containsKey(store);
    }
}
