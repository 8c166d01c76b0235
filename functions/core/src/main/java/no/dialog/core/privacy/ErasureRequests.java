package no.dialog.core.privacy;

import java.time.Clock;
import java.util.Objects;
import no.dialog.core.tenant.TenantId;

/**
 * Starts an erasure: records it ({@link ErasureLog}, state requested) and hands it to the erasure function
 * ({@link ErasureQueue}). Asked again with the same id (a redelivered register event, a retried request) it
 * records nothing new and sends the erasure again unless it is finished, so a crash between the two writes
 * is mended by the retry, and the {@link Eraser} resumes whatever was begun.
 *
 * <pre>{@code
 * Erasure asked = requests.request(tenant, ErasureIds.newId(), "M-100234", staff.subject());
 * }</pre>
 */
public final class ErasureRequests {

    private final ErasureLog log;
    private final ErasureQueue queue;
    private final Clock clock;

    public ErasureRequests(ErasureLog log, ErasureQueue queue, Clock clock) {
        this.log = Objects.requireNonNull(log);
        this.queue = Objects.requireNonNull(queue);
        this.clock = Objects.requireNonNull(clock);
    }

    /**
     * Records and enqueues the erasure of {@code contactId}; returns it as recorded (the first record when the
     * id was known already).
     *
     * @param requestedBy a staff subject, or {@link Erasure#REGISTER}
     */
    public Erasure request(TenantId tenant, String erasureId, String contactId, String requestedBy) {
        if (!ErasureIds.isValid(erasureId)) {
            throw new IllegalArgumentException("not an erasure id");
        }
        log.start(Erasure.requested(tenant, erasureId, contactId, requestedBy, clock.instant()));
        Erasure recorded = log.find(tenant, erasureId).orElseThrow(
                () -> new IllegalStateException("the erasure just recorded cannot be read back"));
        if (!recorded.done()) {
            queue.enqueue(tenant, erasureId);
        }
        return recorded;
    }
}
