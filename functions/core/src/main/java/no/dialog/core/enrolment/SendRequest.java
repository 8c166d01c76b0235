package no.dialog.core.enrolment;

import java.time.Instant;
import java.util.Objects;

/**
 * One message to send, as it goes onto a channel's queue. The sender sends at most once per
 * {@code idempotencyKey}, renders the template for the contact and reports back as responses.
 */
public record SendRequest(String tenant, String idempotencyKey, String contactId, String enrolmentId,
                          String journeyId, int version, String stepId, String channel, String fallback,
                          String templateId, String variant, Instant requestedAt) {

    public SendRequest {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(contactId, "contactId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(templateId, "templateId");
    }
}
