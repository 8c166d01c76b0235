package no.dialog.core.payment.match;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import no.dialog.core.journey.SendChannel;

/**
 * One message a journey sent to a contact before a payment.
 *
 * @param journeyId        the top-level journey that sent it (never a step: suggestions name journeys)
 * @param channel          the step's channel
 * @param askedAmountsOre  the amounts the message or its page offered ("200, 500 or 1000 kr"), when the
 *                         template had amount choices; empty when it had none or it is not known
 */
public record RecentSend(String journeyId, String contactId, SendChannel channel, Instant sentAt,
                         List<Long> askedAmountsOre) {

    public RecentSend {
        Objects.requireNonNull(journeyId, "journeyId");
        Objects.requireNonNull(contactId, "contactId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(sentAt, "sentAt");
        askedAmountsOre = askedAmountsOre == null ? List.of() : List.copyOf(askedAmountsOre);
    }
}
