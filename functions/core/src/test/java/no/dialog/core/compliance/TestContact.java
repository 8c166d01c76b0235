package no.dialog.core.compliance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import no.dialog.core.contact.Channel;
import no.dialog.core.contact.Consent;
import no.dialog.core.contact.Contact;
import no.dialog.core.contact.DonorFacts;
import no.dialog.core.contact.Membership;
import no.dialog.core.contact.MembershipStatus;
import no.dialog.core.contact.PostalAddress;
import no.dialog.core.contact.Reservations;

/** A reachable person on every channel, with nothing else known, changed one fact at a time. */
final class TestContact {

    private static final Instant AT = Instant.parse("2025-01-10T12:00:00Z");

    private List<Membership> memberships = List.of();
    private DonorFacts donor;
    private final Map<Channel, Consent> consents = new EnumMap<>(Channel.class);
    private Reservations reservations = Reservations.NONE;
    private String phone = "+4791234567";

    static TestContact person() {
        return new TestContact();
    }

    TestContact member(MembershipStatus status) {
        memberships = List.of(new Membership("ordinary", status, LocalDate.of(2020, 1, 1), null, null, null, null));
        return this;
    }

    TestContact regularDonor() {
        donor = new DonorFacts(true, 20_000L, LocalDate.of(2020, 1, 1), LocalDate.of(2026, 11, 1), 20_000L, 240_000L, 70);
        return this;
    }

    TestContact lastGift(LocalDate date) {
        donor = new DonorFacts(false, null, date, date, 50_000L, 0L, 1);
        return this;
    }

    TestContact consent(Channel channel, boolean granted) {
        consents.put(channel, new Consent(granted, "web", AT));
        return this;
    }

    TestContact reservations(boolean telemarketing, boolean addressedPost, boolean coversVoluntary, boolean doNotContact) {
        reservations = new Reservations(telemarketing, addressedPost, coversVoluntary, doNotContact);
        return this;
    }

    TestContact phone(String phone) {
        this.phone = phone;
        return this;
    }

    Contact build() {
        return new Contact("C-1", AT, "Kari", "Nordmann", null, phone, "kari@example.org",
                new PostalAddress("Storgata 1", "0155", "Oslo", null), memberships, donor, null, null, null, consents,
                reservations, null);
    }
}
