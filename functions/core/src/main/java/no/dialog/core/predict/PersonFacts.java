package no.dialog.core.predict;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import no.dialog.core.contact.Channel;
import no.dialog.core.contact.Contact;
import no.dialog.core.payment.PaymentKind;

/**
 * Everything the models may learn from about one person: the replica's register facts as they are now, and
 * the dated events Dialog holds (payments from the ledger, messages and responses from the send ledger). Features
 * are computed from it as of any day ({@code asOf}): events after that day are not seen, which is what lets a
 * model be trained on last quarter's facts against what happened since.
 *
 * <p>Never holds special categories of personal data: custom attributes, roles, volunteer areas and events are
 * not read from the contact by any feature (the feature registry says what is).
 *
 * @param payments in any order
 * @param messages in any order
 */
public record PersonFacts(Contact contact, List<Payment> payments, List<Message> messages) {

    public PersonFacts {
        Objects.requireNonNull(contact, "contact");
        payments = payments == null ? List.of() : List.copyOf(payments);
        messages = messages == null ? List.of() : List.copyOf(messages);
    }

    /**
     * One payment registered for the person.
     *
     * @param regular a charge on a regular-giving agreement (Vipps Recurring, AvtaleGiro)
     */
    public record Payment(LocalDate day, long amountOre, PaymentKind kind, boolean regular) {
        public Payment {
            Objects.requireNonNull(day, "day");
            Objects.requireNonNull(kind, "kind");
        }
    }

    /**
     * One message sent to the person, and whether they responded to it with a goal response (answered,
     * clicked through to the goal, or gave).
     *
     * @param hour         the hour of day (Europe/Oslo, 0..23) it was sent
     * @param respondedAt  the hour of day they responded, or -1 when they did not
     */
    public record Message(LocalDate day, int hour, Channel channel, boolean responded, int respondedAt) {
        public Message {
            Objects.requireNonNull(day, "day");
            Objects.requireNonNull(channel, "channel");
        }
    }
}
