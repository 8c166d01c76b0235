package no.dialog.core.testing;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import no.dialog.core.payment.vipps.VippsEventInbox;
import no.dialog.core.tenant.TenantId;

/** A {@link VippsEventInbox} in memory (no expiry). */
public final class InMemoryVippsEventInbox implements VippsEventInbox {

    private final Map<String, Instant> handled = new ConcurrentHashMap<>();

    @Override
    public boolean markHandled(TenantId tenant, String eventId, Instant at) {
        return handled.putIfAbsent(tenant.value() + "#" + eventId, at) == null;
    }

    @Override
    public boolean handled(TenantId tenant, String eventId) {
        return handled.containsKey(tenant.value() + "#" + eventId);
    }

    public int size() {
        return handled.size();
    }
}
