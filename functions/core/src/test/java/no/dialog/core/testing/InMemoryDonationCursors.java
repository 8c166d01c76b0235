package no.dialog.core.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import no.dialog.core.payment.vipps.DonationCursors;
import no.dialog.core.tenant.TenantId;

/** {@link DonationCursors} in memory; only moves forward, and remembers each move. */
public final class InMemoryDonationCursors implements DonationCursors {

    private final Map<TenantId, Instant> positions = new ConcurrentHashMap<>();
    public final List<Instant> moves = new ArrayList<>();

    @Override
    public Optional<Instant> position(TenantId tenant) {
        return Optional.ofNullable(positions.get(tenant));
    }

    @Override
    public synchronized void advance(TenantId tenant, Instant capturedAt) {
        Instant now = positions.get(tenant);
        if (now == null || capturedAt.isAfter(now)) {
            positions.put(tenant, capturedAt);
            moves.add(capturedAt);
        }
    }
}
