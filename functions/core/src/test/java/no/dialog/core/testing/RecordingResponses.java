package no.dialog.core.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import no.dialog.core.enrolment.ResponsePublisher;
import no.dialog.core.journey.Signal;
import no.dialog.core.tenant.TenantId;

/** A {@link ResponsePublisher} that keeps the responses, as the responses queue would. */
public final class RecordingResponses implements ResponsePublisher {

    public final List<Signal> published = new CopyOnWriteArrayList<>();

    @Override
    public void publish(TenantId tenant, List<Signal> responses) {
        published.addAll(responses);
    }
}
