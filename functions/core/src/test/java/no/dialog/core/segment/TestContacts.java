package no.dialog.core.segment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.dialog.core.contact.Channel;
import no.dialog.core.contact.Consent;
import no.dialog.core.contact.Contact;
import no.dialog.core.contact.DonorFacts;
import no.dialog.core.contact.EventParticipation;
import no.dialog.core.contact.Membership;
import no.dialog.core.contact.MembershipStatus;
import no.dialog.core.contact.ParticipationStatus;
import no.dialog.core.contact.PostalAddress;
import no.dialog.core.contact.Reservations;

/** Builds hand-made contacts for segment tests; only what a test sets is present. */
final class TestContacts {

    private String id = "c1";
    private String firstName;
    private String lastName;
    private LocalDate birthDate;
    private String phone;
    private String email;
    private PostalAddress address;
    private final List<Membership> memberships = new ArrayList<>();
    private DonorFacts donor;
    private final List<EventParticipation> events = new ArrayList<>();
    private List<String> roles = List.of();
    private List<String> volunteerAreas = List.of();
    private final Map<Channel, Consent> consents = new EnumMap<>(Channel.class);
    private Reservations reservations = Reservations.NONE;
    private final Map<String, Object> attributes = new HashMap<>();

    static TestContacts contact() {
        return new TestContacts();
    }

    TestContacts id(String id) { this.id = id; return this; }
    TestContacts name(String first, String last) { firstName = first; lastName = last; return this; }
    TestContacts born(String date) { birthDate = LocalDate.parse(date); return this; }
    TestContacts phone(String phone) { this.phone = phone; return this; }
    TestContacts email(String email) { this.email = email; return this; }
    TestContacts address(String postcode, String city) { address = new PostalAddress("Gate 1", postcode, city, "NO"); return this; }
    TestContacts roles(String... roles) { this.roles = List.of(roles); return this; }
    TestContacts volunteerAreas(String... areas) { volunteerAreas = List.of(areas); return this; }
    TestContacts event(String eventId) { events.add(new EventParticipation(eventId, "Event", null, ParticipationStatus.ATTENDED)); return this; }
    TestContacts consent(Channel channel, boolean granted) { consents.put(channel, new Consent(granted, "test", Instant.EPOCH)); return this; }
    TestContacts reservations(Reservations r) { reservations = r; return this; }
    TestContacts attribute(String key, Object value) { attributes.put(key, value); return this; }

    TestContacts membership(String type, MembershipStatus status, String examDate) {
        memberships.add(new Membership(type, status, LocalDate.of(2020, 1, 1), null, LocalDate.of(2026, 12, 31), "oslo",
                examDate == null ? null : LocalDate.parse(examDate)));
        return this;
    }

    TestContacts membership(Membership membership) { memberships.add(membership); return this; }

    TestContacts lastGift(String date, long amountOre) {
        donor = new DonorFacts(false, null, LocalDate.of(2015, 1, 1), LocalDate.parse(date), amountOre, amountOre, 3);
        return this;
    }

    TestContacts donor(DonorFacts donor) { this.donor = donor; return this; }

    Contact build() {
        return new Contact(id, Instant.EPOCH, firstName, lastName, birthDate, phone, email, address, memberships,
                donor, events, roles, volunteerAreas, consents, reservations, attributes);
    }
}
