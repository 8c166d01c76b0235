package no.dialog.local.demo;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import no.dialog.core.contact.Contact;
import no.dialog.core.contact.Membership;
import no.dialog.core.payment.PaymentKind;
import no.dialog.core.payment.PaymentSource;
import no.dialog.core.payment.RegisteredPayment;
import no.dialog.core.predict.PersonFacts;
import no.dialog.core.time.OsloTime;

/**
 * The demo organisation's people with a planted history ({@link PlantedBehaviour}), moved in time so their history
 * ends on the local clock's today: their contacts go into the demo contact file, their payments (monthly Vipps
 * Recurring charges, one-off gifts, yearly membership fees) into the payment ledger, as an organisation's history
 * from before Dialog would be loaded. Dropout, lapse and responses follow known probabilities, so a model trained
 * on them has something true to find (issue 16).
 *
 * <p>Their phone numbers are {@code +4741nnnnnn} for person n, moved to another mobile range where one of the other
 * demo contacts has it, so no two demo people share a number and a Vipps payer is never ambiguous because of the
 * planting.
 */
public final class PlantedPeople {

    /** The seed of the demo's planted people (the benchmark uses its own). */
    static final long SEED = 0xD1A1_06_16L;
    /** The time of day a planted payment is registered, Oslo time. */
    private static final LocalTime PAID_AT = LocalTime.of(10, 0);

    /**
     * How much stronger than in the benchmark the visible signal is planted: a few thousand people are enough for a
     * model to beat the baseline only when the signal is clear (docs/predictions.md).
     */
    static final double STRENGTH = 3.0;
    /** The ledger holds three years of the planted history; older charges only lengthen tenure. */
    static final int HISTORY_DAYS = 3 * 365;

    private final PlantedBehaviour behaviour = new PlantedBehaviour(SEED, STRENGTH);
    private final long shiftDays;

    /** @param today the local clock's day (Oslo): the planted history ends on it */
    public PlantedPeople(LocalDate today) {
        this.shiftDays = ChronoUnit.DAYS.between(PlantedBehaviour.END, today);
    }

    /** One planted person: the contact for the demo file and the payments for the ledger. */
    public record Planted(Contact contact, List<RegisteredPayment> payments) {}

    /** Mobile ranges a planted number may take, the first one first (all valid Norwegian mobile prefixes). */
    private static final String[] PREFIXES = {"41", "46", "47", "48", "40", "45", "90", "91", "92", "93"};

    /** @param taken phone numbers of the other demo contacts: a planted person never gets one of them */
    public Planted person(int n, java.util.Set<String> taken) {
        if (n < 0 || n >= 1_000_000) {
            throw new IllegalArgumentException("planted people are numbered 0..999999");
        }
        PersonFacts facts = behaviour.person(n).facts();
        Contact c = facts.contact();
        List<Membership> memberships = c.memberships().stream().map(m -> new Membership(m.type(), m.status(),
                shift(m.start()), shift(m.end()), shift(m.paidUntil()), m.chapter(), shift(m.examDate()))).toList();
        String phone = c.phone() == null ? null : phone(n, taken);
        Contact contact = new Contact(c.id(), c.updatedAt(), c.firstName(), c.lastName(), shift(c.birthDate()), phone,
                c.email(), c.address(), memberships, c.donor(), c.events(), c.roles(), c.volunteerAreas(), c.consents(),
                c.reservations(), c.attributes());
        List<RegisteredPayment> payments = new ArrayList<>(facts.payments().size());
        int i = 0;
        for (PersonFacts.Payment p : facts.payments()) {
            if (p.day().isAfter(PlantedBehaviour.END) || p.day().isBefore(PlantedBehaviour.END.minusDays(HISTORY_DAYS))) {
                continue; // nothing is paid in the future (the last quarter runs a little past the end); 3 years kept
            }
            PaymentSource source = p.regular() ? PaymentSource.VIPPS_RECURRING
                    : p.kind() == PaymentKind.INVOICE ? PaymentSource.OCR_GIRO : PaymentSource.VIPPS_APP;
            payments.add(new RegisteredPayment("planted-" + n + "-" + i++, p.kind(), source, contact.id(), p.amountOre(),
                    shift(p.day()).atTime(PAID_AT).atZone(OsloTime.ZONE).toInstant(), null, null, false));
        }
        return new Planted(contact, payments);
    }

    private static String phone(int n, java.util.Set<String> taken) {
        for (String prefix : PREFIXES) {
            String phone = String.format(Locale.ROOT, "+47%s%06d", prefix, n);
            if (!taken.contains(phone)) {
                return phone;
            }
        }
        throw new IllegalStateException("no free phone number for planted person " + n);
    }

    private LocalDate shift(LocalDate day) {
        return day == null ? null : day.plusDays(shiftDays);
    }
}
