package no.dialog.core.enrolment;

import java.util.List;
import no.dialog.core.journey.Signal;
import no.dialog.core.tenant.TenantId;

/**
 * Port: puts responses (delivered, failed, replied, opened ...) on the responses queue, where the journey
 * engine reads them ({@link no.dialog.core.enrolment.SignalMessages} is their wire form). Each signal's
 * id makes a second publication of the same response harmless: the engine remembers the ids it took.
 */
public interface ResponsePublisher {

    void publish(TenantId tenant, List<Signal> responses);
}
