package no.dialog.core.landing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import no.dialog.core.tenant.TenantId;

/**
 * Port: the write-back events of an answer on Dialog's bus ({@code source: dialog.landing}), for the
 * organisation's register. Each detail carries an {@code idempotencyKey} the receiver uses to ignore
 * a repeat. Schemas: docs/landing-pages.md.
 */
public interface LandingEvents {

    /** One event: its detail-type ({@code ConsentChanged} ...) and detail. */
    record BusEvent(String detailType, ObjectNode detail) {}

    void publish(TenantId tenant, List<BusEvent> events);
}
