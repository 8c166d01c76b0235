package no.dialog.core.predict;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import no.dialog.core.contact.Channel;
import no.dialog.core.contact.Consent;
import no.dialog.core.contact.Contact;
import no.dialog.core.contact.Membership;
import no.dialog.core.payment.PaymentKind;

/**
 * The feature registry: every number a model may learn from, with its name and a description in Norwegian and
 * English for staff, computed from a {@link PersonFacts} as of a day. Events after {@code asOf} are not seen, so
 * a row as of last quarter holds only what was known then.
 *
 * <p>What is deliberately <em>not</em> a feature: the organisation's custom attributes, roles, volunteer areas
 * and event participation (any of these could reveal health, religion, politics or union membership: special
 * categories under GDPR art. 9), names, and the replica's current donor summary and membership {@code paidUntil}
 * (they are today's state, so as of a past day they would leak the future into training). Membership renewal is
 * read from the dated membership-fee (invoice) payments instead; only a membership's start day is used.
 *
 * <p>Amounts are {@code log(1 + kroner)}; recency is {@code log(1 + days)}, capped at ten years, so that a few
 * very large or very old values do not dominate a linear model.
 *
 * <pre>{@code
 * float[] row = new float[Features.count()];
 * Features.extract(facts, asOf, row);
 * }</pre>
 */
public final class Features {

    /** One feature: its name (stable: models are stored by it) and what it means. */
    public record Feature(String name, String descriptionNb, String descriptionEn) {}

    /** Dialog's four channels a response model is trained for, in the order of the per-channel features. */
    static final List<Channel> CHANNELS = List.of(Channel.SMS, Channel.EMAIL, Channel.POST, Channel.PHONE);
    private static final int CAP_DAYS = 3650;
    private static final int PER_CHANNEL = 5;

    private static final List<Feature> FEATURES = List.of(
            f("gifts30d", "Antall enkeltgaver siste 30 dager", "One-off gifts in the last 30 days"),
            f("gifts90d", "Antall enkeltgaver siste 90 dager", "One-off gifts in the last 90 days"),
            f("gifts365d", "Antall enkeltgaver siste 365 dager", "One-off gifts in the last 365 days"),
            f("giftSum365dLog", "Sum enkeltgaver siste 365 dager (log kroner)", "Sum of one-off gifts in the last 365 days (log kroner)"),
            f("daysSinceGiftLog", "Dager siden siste gave (log)", "Days since the last gift of any kind (log)"),
            f("hasGiven", "Har gitt minst én gang", "Has given at least once"),
            f("regularCharges3m", "Trekk på fast givaravtale siste 3 måneder", "Regular-giving charges in the last 3 months"),
            f("regularCharges6m", "Trekk på fast givaravtale siste 6 måneder", "Regular-giving charges in the last 6 months"),
            f("regularCharges12m", "Trekk på fast givaravtale siste 12 måneder", "Regular-giving charges in the last 12 months"),
            f("monthsSinceRegular", "Måneder siden siste faste trekk", "Months since the last regular-giving charge"),
            f("missedMonths6m", "Måneder uten fast trekk siste 6 måneder (etter første trekk)", "Months without a regular charge in the last 6 (after the first charge)"),
            f("missedMonths12m", "Måneder uten fast trekk siste 12 måneder (etter første trekk)", "Months without a regular charge in the last 12 (after the first charge)"),
            f("regularAmountLog", "Beløp på siste faste trekk (log kroner)", "Amount of the last regular charge (log kroner)"),
            f("regularTenureYears", "År siden første faste trekk", "Years since the first regular charge"),
            f("regularGiver", "Fast giver (trekk siste 45 dager)", "Regular giver (a charge in the last 45 days)"),
            f("memberTenureYears", "År som medlem", "Years of membership"),
            f("invoices365d", "Betalte medlemskontingenter siste 365 dager", "Membership fees paid in the last 365 days"),
            f("daysToRenewal", "Tid til neste fornyelse (år, fra siste kontingent)", "Time to the next renewal (years, from the last fee paid)"),
            f("invoicesEver", "Betalte medlemskontingenter i alt", "Membership fees paid in all"),
            f("member", "Medlem (kontingent betalt siste 365 dager)", "Member (a fee paid in the last 365 days)"),
            // Age band and region are one-hot against a reference (age 45–59; postcodes 0–1, Oslo and the east),
            // so the columns are not collinear with the bias and each weight reads "compared with the reference".
            f("ageUnder30", "Alder under 30", "Age under 30"),
            f("age30to44", "Alder 30–44", "Age 30–44"),
            f("age60to74", "Alder 60–74", "Age 60–74"),
            f("age75plus", "Alder 75 eller mer", "Age 75 or more"),
            f("ageUnknown", "Alder ukjent", "Age unknown"),
            f("regionInland", "Postnummer 2–3 (Innlandet, Buskerud, Vestfold, Telemark)", "Postcode 2–3 (inland and south-east)"),
            f("regionSouthWest", "Postnummer 4 (Agder og Rogaland)", "Postcode 4 (Agder and Rogaland)"),
            f("regionWest", "Postnummer 5–6 (Vestland, Møre og Romsdal)", "Postcode 5–6 (the west coast)"),
            f("regionMid", "Postnummer 7 (Trøndelag)", "Postcode 7 (Trøndelag)"),
            f("regionNorth", "Postnummer 8–9 (Nord-Norge)", "Postcode 8–9 (the north)"),
            f("regionUnknown", "Uten norsk postnummer", "No Norwegian postcode"),
            f("consentSms", "Samtykke til SMS", "Consent to SMS"),
            f("consentEmail", "Samtykke til e-post", "Consent to e-mail"),
            f("consentPost", "Samtykke til brev", "Consent to letters"),
            f("consentPhone", "Samtykke til telefon", "Consent to calls"),
            f("reservedTelemarketing", "Reservert mot telefonsalg", "Reserved against telemarketing"),
            f("reservedPost", "Reservert mot adressert reklame", "Reserved against addressed advertising"),
            // Per channel: SMS, e-mail, letter, call (PER_CHANNEL each, in this order).
            f("smsSent90d", "SMS sendt siste 90 dager", "SMS sent in the last 90 days"),
            f("smsSent365d", "SMS sendt siste 365 dager", "SMS sent in the last 365 days"),
            f("smsResponded365d", "Svar på SMS siste 365 dager", "Responses to SMS in the last 365 days"),
            f("smsRespondedEver", "Svar på SMS i alt", "Responses to SMS in all"),
            f("smsResponseRate", "Svarandel SMS (glattet)", "SMS response rate (smoothed)"),
            f("emailSent90d", "E-post sendt siste 90 dager", "E-mails sent in the last 90 days"),
            f("emailSent365d", "E-post sendt siste 365 dager", "E-mails sent in the last 365 days"),
            f("emailResponded365d", "Svar på e-post siste 365 dager", "Responses to e-mail in the last 365 days"),
            f("emailRespondedEver", "Svar på e-post i alt", "Responses to e-mail in all"),
            f("emailResponseRate", "Svarandel e-post (glattet)", "E-mail response rate (smoothed)"),
            f("letterSent90d", "Brev sendt siste 90 dager", "Letters sent in the last 90 days"),
            f("letterSent365d", "Brev sendt siste 365 dager", "Letters sent in the last 365 days"),
            f("letterResponded365d", "Svar på brev siste 365 dager", "Responses to letters in the last 365 days"),
            f("letterRespondedEver", "Svar på brev i alt", "Responses to letters in all"),
            f("letterResponseRate", "Svarandel brev (glattet)", "Letter response rate (smoothed)"),
            f("callSent90d", "Telefonsamtaler siste 90 dager", "Calls in the last 90 days"),
            f("callSent365d", "Telefonsamtaler siste 365 dager", "Calls in the last 365 days"),
            f("callResponded365d", "Svar på telefon siste 365 dager", "Responses to calls in the last 365 days"),
            f("callRespondedEver", "Svar på telefon i alt", "Responses to calls in all"),
            f("callResponseRate", "Svarandel telefon (glattet)", "Call response rate (smoothed)"),
            f("daysSinceResponseLog", "Dager siden siste svar (log)", "Days since the last response on any channel (log)"),
            f("tenureYears", "År siden første kjente hendelse", "Years since the first known event"));

    static final int GIFTS_30D = 0, GIFTS_90D = 1, GIFTS_365D = 2, GIFT_SUM_365D = 3, DAYS_SINCE_GIFT = 4, HAS_GIVEN = 5,
            REGULAR_3M = 6, REGULAR_6M = 7, REGULAR_12M = 8, MONTHS_SINCE_REGULAR = 9, MISSED_6M = 10, MISSED_12M = 11,
            REGULAR_AMOUNT = 12, REGULAR_TENURE = 13, REGULAR_GIVER = 14, MEMBER_TENURE = 15, INVOICES_365D = 16,
            DAYS_TO_RENEWAL = 17, INVOICES_EVER = 18, MEMBER = 19, AGE = 20, REGION = 25, CONSENT = 31,
            RESERVED_TELEMARKETING = 35, RESERVED_POST = 36, CHANNEL = 37, DAYS_SINCE_RESPONSE = 57, TENURE = 58;
    /** Column offset within the age block per band of {@link #ageBand}; -1 for the reference band. */
    private static final int[] AGE_COLUMN = {0, 1, -1, 2, 3, 4};
    /** Column offset within the region block per {@link #region}; -1 for the reference region. */
    private static final int[] REGION_COLUMN = {-1, 0, 1, 2, 3, 4, 5};

    private Features() {}

    private static Feature f(String name, String nb, String en) {
        return new Feature(name, nb, en);
    }

    public static List<Feature> all() {
        return FEATURES;
    }

    public static List<String> names() {
        return FEATURES.stream().map(Feature::name).toList();
    }

    public static int count() {
        return FEATURES.size();
    }

    /** The per-channel block of features starts here, for channel index 0..3 of {@link #CHANNELS}. */
    static int channelOffset(Channel channel) {
        return CHANNEL + CHANNELS.indexOf(channel) * PER_CHANNEL;
    }

    /**
     * Writes the person's features as of {@code asOf} into {@code into} (length {@link #count()}); nothing dated
     * after {@code asOf} is read.
     */
    public static void extract(PersonFacts facts, LocalDate asOf, float[] into) {
        if (into.length != FEATURES.size()) {
            throw new IllegalArgumentException("a feature row has " + FEATURES.size() + " values, not " + into.length);
        }
        java.util.Arrays.fill(into, 0f);
        long today = asOf.toEpochDay();
        long first = Long.MAX_VALUE;
        payments(facts, asOf, today, into);
        first = Math.min(first, firstPayment(facts, today));
        first = Math.min(first, memberships(facts.contact(), asOf, into));
        person(facts.contact(), asOf, into);
        first = Math.min(first, messages(facts, today, into));
        into[TENURE] = first == Long.MAX_VALUE ? 0f : (today - first) / 365.25f;
    }

    private static long firstPayment(PersonFacts facts, long today) {
        long first = Long.MAX_VALUE;
        for (PersonFacts.Payment p : facts.payments()) {
            long day = p.day().toEpochDay();
            if (day <= today && day < first) {
                first = day;
            }
        }
        return first;
    }

    private static void payments(PersonFacts facts, LocalDate asOf, long today, float[] row) {
        long lastGift = Long.MIN_VALUE;
        long lastRegular = Long.MIN_VALUE;
        long firstRegular = Long.MAX_VALUE;
        long lastRegularAmount = 0;
        long lastInvoice = Long.MIN_VALUE;
        double giftSum = 0;
        YearMonth current = YearMonth.from(asOf);
        boolean[] chargedMonth = new boolean[13]; // index k: k months before asOf's month
        for (PersonFacts.Payment p : facts.payments()) {
            long day = p.day().toEpochDay();
            if (day > today) {
                continue;
            }
            long age = today - day;
            if (p.kind() == PaymentKind.INVOICE) {
                row[INVOICES_EVER]++;
                if (age < 365) {
                    row[INVOICES_365D]++;
                }
                lastInvoice = Math.max(lastInvoice, day);
                continue;
            }
            lastGift = Math.max(lastGift, day);
            if (p.regular()) {
                if (day > lastRegular) {
                    lastRegular = day;
                    lastRegularAmount = p.amountOre();
                }
                firstRegular = Math.min(firstRegular, day);
                if (age < 91) {
                    row[REGULAR_3M]++;
                }
                if (age < 182) {
                    row[REGULAR_6M]++;
                }
                if (age < 365) {
                    row[REGULAR_12M]++;
                }
                long monthsBack = ChronoUnit.MONTHS.between(YearMonth.from(p.day()), current);
                if (monthsBack >= 0 && monthsBack < chargedMonth.length) {
                    chargedMonth[(int) monthsBack] = true;
                }
            } else {
                if (age < 30) {
                    row[GIFTS_30D]++;
                }
                if (age < 90) {
                    row[GIFTS_90D]++;
                }
                if (age < 365) {
                    row[GIFTS_365D]++;
                    giftSum += p.amountOre() / 100.0;
                }
            }
        }
        row[GIFT_SUM_365D] = (float) Math.log1p(Math.max(0, giftSum));
        row[HAS_GIVEN] = lastGift == Long.MIN_VALUE ? 0f : 1f;
        row[DAYS_SINCE_GIFT] = recency(lastGift, today);
        if (lastRegular != Long.MIN_VALUE) {
            row[MONTHS_SINCE_REGULAR] = (float) Math.min(120, (today - lastRegular) / 30.44);
            row[REGULAR_AMOUNT] = (float) Math.log1p(Math.max(0, lastRegularAmount / 100.0));
            row[REGULAR_TENURE] = (today - firstRegular) / 365.25f;
            row[REGULAR_GIVER] = today - lastRegular < 45 ? 1f : 0f;
            // Missed months: whole calendar months before asOf's own (whose charge may be still to come) since the
            // first charge's month, without a charge.
            long firstBack = ChronoUnit.MONTHS.between(YearMonth.from(LocalDate.ofEpochDay(firstRegular)), current);
            for (int k = 1; k <= 12 && k < firstBack; k++) {
                if (!chargedMonth[k]) {
                    row[MISSED_12M]++;
                    if (k <= 6) {
                        row[MISSED_6M]++;
                    }
                }
            }
        } else {
            row[MONTHS_SINCE_REGULAR] = 120;
        }
        if (lastInvoice != Long.MIN_VALUE) {
            long toRenewal = lastInvoice + 365 - today;
            row[DAYS_TO_RENEWAL] = Math.max(-365, Math.min(365, toRenewal)) / 365f;
            row[MEMBER] = today - lastInvoice < 365 ? 1f : 0f;
        } else {
            row[DAYS_TO_RENEWAL] = -1f;
        }
    }

    /** The first membership start on or before asOf, or Long.MAX_VALUE; writes the membership tenure. */
    private static long memberships(Contact contact, LocalDate asOf, float[] row) {
        long today = asOf.toEpochDay();
        long first = Long.MAX_VALUE;
        for (Membership m : contact.memberships()) {
            if (m.start() != null && !m.start().isAfter(asOf)) {
                first = Math.min(first, m.start().toEpochDay());
            }
        }
        row[MEMBER_TENURE] = first == Long.MAX_VALUE ? 0f : (today - first) / 365.25f;
        return first;
    }

    private static void person(Contact contact, LocalDate asOf, float[] row) {
        int age = AGE_COLUMN[ageBand(contact.birthDate(), asOf)];
        if (age >= 0) {
            row[AGE + age] = 1f;
        }
        int region = REGION_COLUMN[region(contact)];
        if (region >= 0) {
            row[REGION + region] = 1f;
        }
        Map<Channel, Consent> consents = contact.consents();
        for (int i = 0; i < CHANNELS.size(); i++) {
            Consent consent = consents.get(CHANNELS.get(i));
            row[CONSENT + i] = consent != null && consent.granted() ? 1f : 0f;
        }
        row[RESERVED_TELEMARKETING] = contact.reservations().telemarketing() ? 1f : 0f;
        row[RESERVED_POST] = contact.reservations().addressedPost() ? 1f : 0f;
    }

    /** 0: under 30, 1: 30–44, 2: 45–59, 3: 60–74, 4: 75+, 5: unknown. */
    static int ageBand(LocalDate birthDate, LocalDate asOf) {
        if (birthDate == null || birthDate.isAfter(asOf)) {
            return 5;
        }
        long age = ChronoUnit.YEARS.between(birthDate, asOf);
        return age < 30 ? 0 : age < 45 ? 1 : age < 60 ? 2 : age < 75 ? 3 : 4;
    }

    /** 0..5 by the first digit of a Norwegian postcode, 6 when there is none. */
    static int region(Contact contact) {
        if (contact.address() == null || contact.address().postcode() == null
                || (contact.address().country() != null && !"NO".equals(contact.address().country()))) {
            return 6;
        }
        String postcode = contact.address().postcode().strip();
        if (postcode.length() != 4 || !Character.isDigit(postcode.charAt(0))) {
            return 6;
        }
        return switch (postcode.charAt(0)) {
            case '0', '1' -> 0;
            case '2', '3' -> 1;
            case '4' -> 2;
            case '5', '6' -> 3;
            case '7' -> 4;
            default -> 5;
        };
    }

    /** Writes the per-channel message features; returns the first message day (or Long.MAX_VALUE). */
    private static long messages(PersonFacts facts, long today, float[] row) {
        long first = Long.MAX_VALUE;
        long lastResponse = Long.MIN_VALUE;
        float[] sentEver = new float[CHANNELS.size()];
        for (PersonFacts.Message m : facts.messages()) {
            long day = m.day().toEpochDay();
            int c = CHANNELS.indexOf(m.channel());
            if (day > today || c < 0) {
                continue;
            }
            first = Math.min(first, day);
            long age = today - day;
            int at = CHANNEL + c * PER_CHANNEL;
            sentEver[c]++;
            if (age < 90) {
                row[at]++;
            }
            if (age < 365) {
                row[at + 1]++;
            }
            if (m.responded()) {
                // A response to a message sent on asOf may come after asOf; the send ledger's day is the send day,
                // so only responses to messages sent before asOf count as known.
                if (age == 0) {
                    continue;
                }
                if (age < 365) {
                    row[at + 2]++;
                }
                row[at + 3]++;
                lastResponse = Math.max(lastResponse, day);
            }
        }
        for (int c = 0; c < CHANNELS.size(); c++) {
            int at = CHANNEL + c * PER_CHANNEL;
            // Smoothed towards one in ten, so one message answered is not a rate of 100 %.
            row[at + 4] = (row[at + 3] + 0.2f) / (sentEver[c] + 2f);
        }
        row[DAYS_SINCE_RESPONSE] = recency(lastResponse, today);
        return first;
    }

    private static float recency(long day, long today) {
        long days = day == Long.MIN_VALUE ? CAP_DAYS : Math.min(CAP_DAYS, today - day);
        return (float) Math.log1p(days);
    }
}
