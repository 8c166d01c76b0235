package no.dialog.core.segment.snapshot;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import no.dialog.core.contact.Channel;
import no.dialog.core.contact.Consent;
import no.dialog.core.contact.Contact;
import no.dialog.core.contact.DonorFacts;
import no.dialog.core.contact.EventParticipation;
import no.dialog.core.contact.Membership;
import no.dialog.core.contact.MembershipStatus;
import no.dialog.core.contact.PostalAddress;
import no.dialog.core.contact.Reservations;

/**
 * Random contacts that reach the corners: missing values everywhere, several memberships with some
 * fields empty, leap-day births, dates around "today", texts differing only in case, attributes of
 * every type. Values come from small pools so that random conditions often hit.
 */
final class RandomContacts {

    static final List<String> TEXTS = List.of("Kari", "KARI", "kari", "Ola", "Øyvind", "øyvind", "Åse", "Oslo",
            "Bergen", "bergen", "0150", "5003", "student", "ordinary", "family", "board-member", "events", "E-1",
            "E-2", "", "a", "ol");
    static final List<String> CODES = List.of("board-member", "treasurer", "events", "collection", "E-2025-1",
            "E-2026-3", "Events");

    private final Random random;
    private final LocalDate around;

    RandomContacts(long seed, LocalDate around) {
        this.random = new Random(seed);
        this.around = around;
    }

    List<Contact> contacts(int count) {
        List<Contact> contacts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            contacts.add(contact("C-" + i));
        }
        return contacts;
    }

    Contact contact(String id) {
        List<Membership> memberships = new ArrayList<>();
        int membershipCount = chance(40) ? 0 : random.nextInt(4);
        for (int i = 0; i < membershipCount; i++) {
            memberships.add(new Membership(maybe(pick(TEXTS)),
                    chance(15) ? null : MembershipStatus.values()[random.nextInt(MembershipStatus.values().length)],
                    maybeDate(), maybeDate(), maybeDate(), maybe(pick(TEXTS)), maybeDate()));
        }
        DonorFacts donor = chance(40) ? null : new DonorFacts(random.nextBoolean(), maybeAmount(), maybeDate(),
                maybeDate(), maybeAmount(), maybeAmount(), null);
        List<EventParticipation> events = new ArrayList<>();
        for (int i = random.nextInt(3); i > 0; i--) {
            events.add(new EventParticipation(chance(20) ? null : pick(CODES), "Møte", maybeDate(), null));
        }
        Map<Channel, Consent> consents = new EnumMap<>(Channel.class);
        for (Channel channel : Channel.values()) {
            if (random.nextBoolean()) {
                consents.put(channel, new Consent(random.nextBoolean(), "web", Instant.EPOCH));
            }
        }
        Map<String, Object> attributes = new HashMap<>();
        for (String name : List.of("tier", "score", "vip")) {
            if (chance(50)) {
                attributes.put(name, attributeValue());
            }
        }
        return new Contact(id, Instant.parse("2026-01-01T00:00:00Z").plusSeconds(random.nextInt(1000)),
                maybe(pick(TEXTS)), maybe(pick(TEXTS)), birthDate(),
                chance(30) ? null : chance(10) ? " " : "+4791234567",
                chance(30) ? null : chance(10) ? "" : "x@example.org",
                chance(20) ? null : new PostalAddress("Gate 1", maybe(pick(TEXTS)), maybe(pick(TEXTS)), "NO"),
                memberships, donor, events, codes(), codes(), consents,
                new Reservations(random.nextBoolean(), random.nextBoolean(), random.nextBoolean(), chance(10), chance(10)),
                attributes);
    }

    private Object attributeValue() {
        return switch (random.nextInt(7)) {
            case 0 -> pick(TEXTS);
            case 1 -> (long) (random.nextInt(11) - 5);
            case 2 -> random.nextInt(11) - 5;
            case 3 -> random.nextInt(11) / 2.0;
            case 4 -> new BigDecimal("2.50");
            case 5 -> random.nextBoolean();
            default -> List.of("x");
        };
    }

    private List<String> codes() {
        List<String> codes = new ArrayList<>();
        for (int i = random.nextInt(3); i > 0; i--) {
            codes.add(pick(CODES));
        }
        return codes;
    }

    private LocalDate birthDate() {
        if (chance(15)) {
            return null;
        }
        if (chance(10)) {
            return LocalDate.of(1996 + 4 * random.nextInt(6), 2, 29);
        }
        if (chance(5)) {
            return around.plusDays(random.nextInt(30)); // not born yet: no age
        }
        return around.minusYears(random.nextInt(90)).plusDays(random.nextInt(5) - 2);
    }

    private LocalDate maybeDate() {
        if (chance(25)) {
            return null;
        }
        return around.plusDays(random.nextInt(3 * 365) - 2 * 365 + (chance(50) ? random.nextInt(5) - 2 : 0));
    }

    private Long maybeAmount() {
        return chance(25) ? null : chance(50) ? 100L * random.nextInt(10) : (long) random.nextInt(2000) - 100;
    }

    private String maybe(String value) {
        return chance(20) ? null : value;
    }

    <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    boolean chance(int percent) {
        return random.nextInt(100) < percent;
    }
}
