package no.dialog.aws.privacy;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Clock;
import no.dialog.core.privacy.ErasureLog;
import no.dialog.core.privacy.ErasureQueue;
import no.dialog.core.privacy.ErasureRequests;

/**
 * Starting erasures, where a function may start them: with the erasures table and queue
 * ({@code ERASURES_TABLE}, {@code ERASURES_QUEUE_URL}: the admin API and the sync function). The
 * {@link no.dialog.core.privacy.Eraser} that carries them out is the erase function's own.
 */
@Factory
public class ErasureFactory {

    @Singleton
    @Requires(beans = {ErasureLog.class, ErasureQueue.class})
    ErasureRequests erasureRequests(ErasureLog log, ErasureQueue queue, Clock clock) {
        return new ErasureRequests(log, queue, clock);
    }
}
