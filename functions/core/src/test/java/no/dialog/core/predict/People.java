package no.dialog.core.predict;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import no.dialog.core.contact.Channel;
import no.dialog.core.contact.Consent;
import no.dialog.core.contact.Contact;
import no.dialog.core.contact.Membership;
import no.dialog.core.contact.MembershipStatus;
import no.dialog.core.contact.PostalAddress;
import no.dialog.core.contact.Reservations;
import no.dialog.core.payment.PaymentKind;

/** Small hand-made people for the prediction tests. */
final class People {

    static final Instant AT = Instant.parse("2026-01-01T00:00:00Z");

    private People() {}

    static Contact contact(LocalDate birthDate, String postcode, Map<Channel, Consent> consents, Reservations reservations,
                           List<Membership> memberships) {
        return new Contact("C-1", AT, "Kari", "Nordmann", birthDate, "+4791234567", "kari@example.org",
                postcode == null ? null : new PostalAddress("Storgata 1", postcode, "Oslo", "NO"), memberships, null,
                List.of(), List.of("board-member"), List.of("first-aid"), consents, reservations,
                Map.of("diagnosis", "secret"));
    }

    static Contact contact() {
        return contact(LocalDate.of(1990, 6, 1), "7010", Map.of(Channel.SMS, granted(), Channel.EMAIL, granted()),
                Reservations.NONE, List.of());
    }

    static Consent granted() {
        return new Consent(true, "test", AT);
    }

    static PersonFacts.Payment regular(LocalDate day) {
        return new PersonFacts.Payment(day, 20_000, PaymentKind.GIFT, true);
    }

    static PersonFacts.Payment gift(LocalDate day, long kroner) {
        return new PersonFacts.Payment(day, kroner * 100, PaymentKind.GIFT, false);
    }

    static PersonFacts.Payment invoice(LocalDate day) {
        return new PersonFacts.Payment(day, 40_000, PaymentKind.INVOICE, false);
    }

    /** Monthly regular charges on the day of month of {@code first}, up to and including {@code last}. */
    static List<PersonFacts.Payment> monthly(LocalDate first, LocalDate last) {
        List<PersonFacts.Payment> payments = new ArrayList<>();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusMonths(1)) {
            payments.add(regular(day));
        }
        return payments;
    }

    static PersonFacts.Message message(LocalDate day, Channel channel, boolean responded, int hour) {
        return new PersonFacts.Message(day, 12, channel, responded, responded ? hour : -1);
    }

    static Membership membership(LocalDate start) {
        return new Membership("ordinary", MembershipStatus.ACTIVE, start, null, LocalDate.of(2030, 1, 1), null, null);
    }
}
