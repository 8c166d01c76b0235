package no.dialog.core.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import no.dialog.core.payment.PaymentEvents;
import no.dialog.core.tenant.TenantId;

/** Keeps what was published, in order; can be told to fail once, as a bus outage would. */
public final class RecordingPaymentEvents implements PaymentEvents {

    public final List<BusEvent> published = new CopyOnWriteArrayList<>();
    private volatile boolean failNext;

    public void failNext() {
        failNext = true;
    }

    @Override
    public void publish(TenantId tenant, List<BusEvent> events) {
        if (failNext) {
            failNext = false;
            throw new IllegalStateException("bus unavailable");
        }
        published.addAll(events);
    }

    public List<String> types() {
        return published.stream().map(BusEvent::detailType).toList();
    }
}
