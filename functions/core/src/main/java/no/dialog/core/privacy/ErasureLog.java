package no.dialog.core.privacy;

import java.time.Instant;
import java.util.Optional;
import no.dialog.core.tenant.TenantId;

/** Port: the record of each erasure (who asked, when, and what each store erased), which staff can read. */
public interface ErasureLog {

    /** Records a new erasure unless one with this id exists; true when it was recorded now. */
    boolean start(Erasure erasure);

    Optional<Erasure> find(TenantId tenant, String erasureId);

    /** Records that {@code store} is done, with its count; a step recorded already keeps its first count. */
    void stepDone(TenantId tenant, String erasureId, String store, long erased);

    void finish(TenantId tenant, String erasureId, Instant at);
}
