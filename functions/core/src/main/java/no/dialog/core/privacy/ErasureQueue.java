package no.dialog.core.privacy;

import no.dialog.core.tenant.TenantId;

/**
 * Port: hands a recorded erasure to the function that carries it out ({@link Eraser}). Sending the same
 * erasure twice is harmless: the second run finds it finished, or finishes what the first left.
 */
public interface ErasureQueue {

    void enqueue(TenantId tenant, String erasureId);
}
