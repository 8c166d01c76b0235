package no.dialog.core.payment.match;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import no.dialog.core.contact.Contact;
import no.dialog.core.journey.SendChannel;
import no.dialog.core.payment.Payer;
import no.dialog.core.payment.PaymentIds;
import no.dialog.core.payment.PaymentKind;
import no.dialog.core.payment.PaymentSource;
import no.dialog.core.payment.UnmatchedPayment;
import no.dialog.core.tenant.TenantId;
import no.dialog.core.testing.InMemoryContactStore;
import no.dialog.core.testing.InMemoryMatchEvidence;

/**
 * A made-up tenant whose payments' journeys are known: contacts (shared names, some shared phones, some
 * bank accounts), campaign journeys sending SMS and letters in waves to random fifths of the contacts, and
 * payments without a KID. Deterministic for a seed.
 *
 * <p>Payments, by design:
 * <ul>
 *   <li>65% answer a message: the payer got journey J's message 0–14 days before; half of those pay by
 *       giro (name as the bank writes it, the account if the register has it), half by Vipps (name and
 *       phone if the register has it); one in ten pays from a family member's phone or account Dialog does
 *       not know; half pay an amount the message offered (when it offered any); a quarter write J's word in
 *       the message, a sixth a generic one ("Takk", "God jul").</li>
 *   <li>35% are noise: a random contact (who may well have got some journey's message lately: that is
 *       what makes matching hard) or a stranger pays a common amount on a random day, for no journey.</li>
 * </ul>
 */
final class GeneratedPaymentHistory {

    static final TenantId TENANT = new TenantId("gen");
    static final Instant START = Instant.parse("2026-09-01T08:00:00Z");
    static final int DAYS = 90;

    private static final String[] FIRST = {"Kari", "Ola", "Ingrid", "Per", "Anne", "Lars", "Marit", "Jon", "Liv",
        "Knut", "Sigrid", "Nils", "Hilde", "Arne", "Tone", "Erik", "Randi", "Bjørn", "Eva", "Tor", "Solveig", "Hans",
        "Berit", "Geir", "Astrid", "Svein", "Kristin", "Odd", "Inger", "Rune", "Grete", "Terje", "Nina", "Jan",
        "Heidi", "Morten", "Siri", "Trond", "Camilla", "Øyvind"};
    private static final String[] LAST = {"Hansen", "Johansen", "Olsen", "Larsen", "Andersen", "Pedersen",
        "Nilsen", "Kristiansen", "Jensen", "Karlsen", "Johnsen", "Pettersen", "Eriksen", "Berg", "Haugen", "Hagen",
        "Johannessen", "Andreassen", "Jacobsen", "Dahl", "Jørgensen", "Halvorsen", "Henriksen", "Lund", "Sørensen",
        "Jakobsen", "Moen", "Gundersen", "Iversen", "Strand", "Solberg", "Svendsen", "Eide", "Knutsen", "Martinsen",
        "Paulsen", "Bakken", "Kristoffersen", "Mathisen", "Lie"};
    private static final long[] COMMON_AMOUNTS = {10_000, 15_000, 20_000, 25_000, 30_000, 50_000, 100_000};
    private static final String[] GENERIC = {"Takk", "God jul", "Gave", "Hilsen familien", "Støtte"};

    /** A journey of the generator: name, keywords, channel, the amounts it offers, when its waves go out. */
    record GenJourney(String id, String name, List<String> keywords, SendChannel channel, List<Long> asked,
                      int[] waveDays, String paidWord) {}

    static final List<GenJourney> JOURNEYS = List.of(
            new GenJourney("julegave", "Julegave 2026", List.of(), SendChannel.LETTER, List.of(20_000L, 50_000L, 100_000L),
                    new int[] {60, 75}, "julegaven"),
            new GenJourney("bronn", "Rent vann", List.of("brønn"), SendChannel.SMS, List.of(25_000L, 50_000L),
                    new int[] {10, 40}, "brønnen"),
            new GenJourney("skolestart", "Skolestart", List.of("skolesekk"), SendChannel.SMS, List.of(),
                    new int[] {5, 20}, "skolesekker"),
            new GenJourney("nodhjelp", "Nødhjelp Sudan", List.of(), SendChannel.SMS, List.of(20_000L, 30_000L),
                    new int[] {30, 50, 70}, "sudan"),
            new GenJourney("fadder", "Bli fadder", List.of("fadderbarn"), SendChannel.LETTER, List.of(),
                    new int[] {15, 65}, "fadder"),
            new GenJourney("husly", "Husly i vinter", List.of(), SendChannel.LETTER, List.of(15_000L),
                    new int[] {25, 80}, "husly"));

    /** One generated payment and the journey it truly belongs to (null for noise). */
    record Case(UnmatchedPayment payment, String truth) {}

    final InMemoryContactStore contacts = new InMemoryContactStore();
    final InMemoryMatchEvidence evidence = new InMemoryMatchEvidence(TENANT);
    final List<Case> cases = new ArrayList<>();

    private final Random random;
    private final List<Contact> people = new ArrayList<>();
    private final List<RecentSend> sends = new ArrayList<>();
    private final Map<String, Contact> byId = new HashMap<>();

    GeneratedPaymentHistory(long seed, int contactCount, int paymentCount, double waveShare) {
        random = new Random(seed);
        for (GenJourney journey : JOURNEYS) {
            evidence.campaign(new CampaignJourney(journey.id(), journey.name(), journey.keywords()));
        }
        makeContacts(contactCount);
        makeSends(waveShare);
        for (int i = 0; i < paymentCount; i++) {
            cases.add(random.nextDouble() < 0.65 ? answering(i) : noise(i));
        }
    }

    private void makeContacts(int count) {
        for (int i = 1; i <= count; i++) {
            String phone = null;
            if (random.nextDouble() < 0.85) {
                // One in thirty shares a family phone with an earlier contact.
                phone = i > 1 && random.nextDouble() < 1.0 / 30 ? people.get(random.nextInt(people.size())).phone()
                        : "+479" + String.format("%07d", i);
            }
            Map<String, Object> attributes = random.nextDouble() < 0.4
                    ? Map.of(PayerLookup.ACCOUNT_ATTRIBUTE, String.format("1503%07d", i)) : Map.of();
            Contact contact = new Contact("c-" + i, START.minus(Duration.ofDays(400)), FIRST[random.nextInt(FIRST.length)],
                    LAST[random.nextInt(LAST.length)], null, phone, null, null, List.of(), null, List.of(), List.of(),
                    List.of(), Map.of(), null, attributes);
            people.add(contact);
            byId.put(contact.id(), contact);
            contacts.upsert(TENANT, contact);
        }
    }

    private void makeSends(double waveShare) {
        for (GenJourney journey : JOURNEYS) {
            for (int day : journey.waveDays()) {
                for (Contact person : people) {
                    if (random.nextDouble() < waveShare) {
                        Instant at = START.plus(Duration.ofDays(day)).plus(Duration.ofMinutes(random.nextInt(600)));
                        RecentSend send = new RecentSend(journey.id(), person.id(), journey.channel(), at, journey.asked());
                        sends.add(send);
                        evidence.sent(send);
                    }
                }
            }
        }
    }

    private Case answering(int n) {
        RecentSend send = sends.get(random.nextInt(sends.size()));
        GenJourney journey = JOURNEYS.stream().filter(j -> j.id().equals(send.journeyId())).findFirst().orElseThrow();
        Contact person = byId.get(send.contactId());
        Instant at = send.sentAt().plus(Duration.ofDays(random.nextInt(15))).plus(Duration.ofHours(random.nextInt(8)));
        long amount = !journey.asked().isEmpty() && random.nextBoolean()
                ? journey.asked().get(random.nextInt(journey.asked().size())) : commonAmount();
        double roll = random.nextDouble();
        String message = roll < 0.25 ? journey.paidWord() : roll < 0.42 ? GENERIC[random.nextInt(GENERIC.length)] : null;
        Payer payer = random.nextDouble() < 0.1 ? familyMember(person) : payerOf(person);
        return new Case(payment(n, amount, at, payer, message), journey.id());
    }

    private Case noise(int n) {
        Instant at = START.plus(Duration.ofDays(random.nextInt(DAYS))).plus(Duration.ofHours(random.nextInt(10)));
        Payer payer = random.nextDouble() < 0.6 ? payerOf(people.get(random.nextInt(people.size())))
                : new Payer(FIRST[random.nextInt(FIRST.length)] + " Stranger" + n, random.nextBoolean() ? "+4741" + String.format("%06d", n) : null,
                        null);
        String message = random.nextDouble() < 0.2 ? GENERIC[random.nextInt(GENERIC.length)] : null;
        return new Case(payment(n, commonAmount(), at, payer, message), null);
    }

    /** What a giro line or Vipps says about the person: bank-style or Vipps-style. */
    private Payer payerOf(Contact person) {
        if (random.nextBoolean()) {
            String name = random.nextBoolean() ? person.lastName().toUpperCase() + " " + person.firstName().toUpperCase()
                    : person.firstName() + " " + person.lastName();
            Object account = person.attributes().get(PayerLookup.ACCOUNT_ATTRIBUTE);
            return new Payer(name, null, account == null ? "9999" + String.format("%07d", random.nextInt(10_000_000))
                    : account.toString());
        }
        return new Payer(person.firstName() + " " + person.lastName(), person.phone(), null);
    }

    /** Someone of the household Dialog does not know paid. */
    private Payer familyMember(Contact person) {
        return new Payer(FIRST[random.nextInt(FIRST.length)] + " " + person.lastName() + "-Family",
                random.nextBoolean() ? "+4748" + String.format("%06d", random.nextInt(1_000_000)) : null, null);
    }

    private long commonAmount() {
        return COMMON_AMOUNTS[random.nextInt(COMMON_AMOUNTS.length)];
    }

    private static UnmatchedPayment payment(int n, long amount, Instant at, Payer payer, String message) {
        String reference = "gen:" + n;
        return new UnmatchedPayment(PaymentIds.of(PaymentSource.OCR_GIRO, reference), PaymentSource.OCR_GIRO, reference,
                PaymentKind.GIFT, amount, at, payer, message, "open", null);
    }
}
