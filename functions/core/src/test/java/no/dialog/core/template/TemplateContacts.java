package no.dialog.core.template;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import no.dialog.core.contact.Contact;
import no.dialog.core.contact.DonorFacts;
import no.dialog.core.contact.Membership;
import no.dialog.core.contact.MembershipStatus;

/** Contacts for template tests. */
final class TemplateContacts {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 30);

    private TemplateContacts() {}

    static Contact person(String firstName, String lastName) {
        return new Contact("c1", Instant.EPOCH, firstName, lastName, null, "+4791234567", "ola@example.org",
                null, List.of(), null, List.of(), List.of(), List.of(), Map.of(), null, Map.of());
    }

    /** Every field merge fields read is set. */
    static Contact full() {
        return new Contact("c2", Instant.EPOCH, "Ola", "Nordmann", LocalDate.of(1980, 1, 2), "+4791234567",
                "ola@example.org", null,
                List.of(new Membership("student", MembershipStatus.LAPSED, LocalDate.of(2015, 1, 1), null, null, null, null),
                        new Membership("ordinary", MembershipStatus.ACTIVE, LocalDate.of(2020, 1, 1), null, null, null, null),
                        new Membership("family", MembershipStatus.ACTIVE, LocalDate.of(2021, 1, 1), null, null, null, null)),
                new DonorFacts(true, 20_000L, LocalDate.of(2018, 1, 1), LocalDate.of(2026, 10, 1), 9_950L, 125_000L, 12),
                List.of(), List.of(), List.of(), Map.of(), null, Map.of("kommune", "Bergen", "antallBarn", 2));
    }

    static MessageContext context(String link, Long amountOre) {
        return new MessageContext("Naturvernforbundet", link, "Vårkampanje", amountOre, TODAY);
    }
}
