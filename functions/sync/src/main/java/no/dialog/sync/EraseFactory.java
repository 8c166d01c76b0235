package no.dialog.sync;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Clock;
import io.micronaut.core.order.OrderUtil;
import java.util.ArrayList;
import java.util.List;
import no.dialog.core.privacy.Eraser;
import no.dialog.core.privacy.ErasureLog;
import no.dialog.core.privacy.PersonalData;

/**
 * The erase function's {@link Eraser}: over every {@link PersonalData} store this function's environment
 * names, in their {@code @Order} (the contact's tombstone first). Only in the erase function (its dead-letter
 * queue, {@code ERASURES_DLQ_URL}, is set only there): the sync function and the admin API start erasures but
 * never run one, and their roles may not delete.
 */
@Factory
public class EraseFactory {

    @Singleton
    @Requires(property = "erasures.dlq.url")
    @Requires(beans = ErasureLog.class)
    Eraser eraser(List<PersonalData> stores, ErasureLog log, Clock clock) {
        // Sorted here by @Order, not left to how the container happens to list them: the order is a rule.
        List<PersonalData> ordered = new ArrayList<>(stores);
        OrderUtil.sort(ordered);
        return new Eraser(ordered, log, clock);
    }
}
