package no.dialog.core.journey;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * Something that happened to a person and that a journey may be waiting for: a normalised response
 * (type {@code delivered}, {@code opened}, {@code clicked}, {@code answered}, {@code paid} ...) or an
 * org-system event from the bus ({@code GiftReceived}, {@code MembershipStarted}). Attributes carry
 * the few facts conditions look at (question id and value, amount in øre), never free text.
 *
 * <p>{@code journeyId} and {@code enrolmentId} are set when the signal answers a message Dialog sent
 * (a reply to an SMS, an answer on a landing page); they are null for events from outside.
 */
public record Signal(String signalId, String type, String contactId, Instant occurredAt,
                     Map<String, String> attributes, String journeyId, String enrolmentId) {

    public Signal {
        Objects.requireNonNull(signalId, "signalId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(contactId, "contactId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }
}
