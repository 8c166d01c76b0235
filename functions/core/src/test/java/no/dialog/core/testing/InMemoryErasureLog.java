package no.dialog.core.testing;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import no.dialog.core.privacy.Erasure;
import no.dialog.core.privacy.ErasureLog;
import no.dialog.core.tenant.TenantId;

/** {@link ErasureLog} in memory, with the same first-write-wins rules as the DynamoDB one. */
public final class InMemoryErasureLog implements ErasureLog {

    private final Map<String, Erasure> erasures = new ConcurrentHashMap<>();

    private static String key(TenantId tenant, String erasureId) {
        return tenant.value() + "#" + erasureId;
    }

    @Override
    public boolean start(Erasure erasure) {
        return erasures.putIfAbsent(key(erasure.tenant(), erasure.erasureId()), erasure) == null;
    }

    @Override
    public Optional<Erasure> find(TenantId tenant, String erasureId) {
        return Optional.ofNullable(erasures.get(key(tenant, erasureId)));
    }

    @Override
    public void stepDone(TenantId tenant, String erasureId, String store, long erased) {
        erasures.computeIfPresent(key(tenant, erasureId), (k, e) -> {
            Map<String, Long> counts = new LinkedHashMap<>(e.erased());
            counts.putIfAbsent(store, erased);
            return new Erasure(e.tenant(), e.erasureId(), e.contactId(), e.requestedBy(), e.source(),
                    e.requestedAt(), counts, e.finishedAt());
        });
    }

    @Override
    public void finish(TenantId tenant, String erasureId, Instant at) {
        erasures.computeIfPresent(key(tenant, erasureId), (k, e) -> new Erasure(e.tenant(), e.erasureId(),
                e.contactId(), e.requestedBy(), e.source(), e.requestedAt(), e.erased(),
                e.finishedAt() == null ? at : e.finishedAt()));
    }
}
