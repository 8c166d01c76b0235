package no.dialog.local.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A deterministic generator of a synthetic member and donor register: the demo organisation of the
 * local stack (5,000 contacts) and the data of the benchmarks (up to 1,000,000).
 *
 * <p>Contact {@code n} is the same on every machine and every run (its random numbers come from a
 * seed and its number), so benchmarks are repeatable and re-importing the demo file changes nothing.
 * All data is invented: e-mail addresses use the reserved example domains, phone numbers are
 * well-formed Norwegian mobile numbers that no one in particular holds.
 *
 * <p>The mix: about 60 % members (ordinary, student with an exam date in the past or the future,
 * family; some lapsed), 45 % givers (a third of them regular), volunteers, people holding roles, event
 * participants, consents per channel (mostly yes, a few opt-outs, many without a record), and some
 * reservations against telemarketing and post.
 */
public final class DemoContacts {

    /** The register's "now" for generated data: fixed, so that output never depends on the day it runs. */
    public static final LocalDate REFERENCE_DATE = LocalDate.of(2026, 11, 1);
    private static final Instant UPDATED_AT = Instant.parse("2026-11-01T03:00:00Z");
    private static final long SEED = 0x5EED_D1A1_06L;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private DemoContacts() {}

    /** Writes contacts {@code 0 .. count-1} as NDJSON (one JSON object per line, UTF-8). */
    public static void writeNdjson(int count, OutputStream out) throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        for (int n = 0; n < count; n++) {
            writer.write(MAPPER.writeValueAsString(contact(n)));
            writer.write('\n');
        }
        writer.flush();
    }

    /** The phone numbers of contacts {@code 0 .. count-1}. */
    public static java.util.Set<String> phones(int count) {
        java.util.Set<String> phones = new java.util.HashSet<>();
        for (int n = 0; n < count; n++) {
            String phone = contact(n).path("phone").asText("");
            if (!phone.isEmpty()) {
                phones.add(phone);
            }
        }
        return phones;
    }

    /** The n-th synthetic contact in the contact record format. */
    public static ObjectNode contact(int n) {
        SplittableRandom random = new SplittableRandom(SEED ^ (n * 0x9E3779B97F4A7C15L));
        boolean woman = random.nextBoolean();
        String first = pick(random, woman ? NorwegianNames.WOMEN : NorwegianNames.MEN);
        String last = pick(random, NorwegianNames.SURNAMES);
        NorwegianNames.Place place = pick(random, NorwegianNames.PLACES);
        int age = 18 + random.nextInt(73);
        LocalDate birthDate = REFERENCE_DATE.minusYears(age).minusDays(random.nextInt(365));

        ObjectNode c = MAPPER.createObjectNode();
        c.put("id", String.format("D-%07d", n));
        c.put("updatedAt", UPDATED_AT.minus(random.nextInt(24 * 365), ChronoUnit.HOURS).toString());
        c.put("firstName", first);
        c.put("lastName", last);
        c.put("birthDate", birthDate.toString());
        if (random.nextInt(100) < 92) {
            c.put("phone", mobileNumber(random));
        }
        if (random.nextInt(100) < 80) {
            c.put("email", ascii(first + "." + last).toLowerCase(Locale.ROOT) + "." + n + "@"
                    + pick(random, NorwegianNames.EMAIL_DOMAINS));
        }
        ObjectNode address = c.putObject("address");
        address.put("street", pick(random, NorwegianNames.STREETS) + " " + (1 + random.nextInt(120)));
        address.put("postcode", place.postcode());
        address.put("city", place.city());

        if (random.nextInt(100) < 60) {
            membership(random, c.putArray("memberships"), place.city(), age);
        }
        if (random.nextInt(100) < 45) {
            donor(random, c.putObject("donor"));
        }
        if (random.nextInt(100) < 20) {
            ArrayNode events = c.putArray("events");
            int eventCount = 1 + random.nextInt(3);
            for (int i = 0; i < eventCount; i++) {
                LocalDate date = REFERENCE_DATE.minusDays(random.nextInt(3 * 365));
                ObjectNode e = events.addObject();
                e.put("eventId", "E-" + date.getYear() + "-" + (1 + random.nextInt(12)));
                e.put("name", "Medlemsmøte " + date.getYear());
                e.put("date", date.toString());
                e.put("status", random.nextInt(10) < 8 ? "attended" : "registered");
            }
        }
        if (random.nextInt(100) < 3) {
            c.putArray("roles").add(pick(random, NorwegianNames.ROLES));
        }
        if (random.nextInt(100) < 8) {
            c.putArray("volunteerAreas").add(pick(random, NorwegianNames.VOLUNTEER_AREAS));
        }
        consents(random, c.putObject("consents"));
        int reservation = random.nextInt(100);
        if (reservation < 30) {
            ObjectNode r = c.putObject("reservations");
            r.put("telemarketing", reservation < 25);
            r.put("addressedPost", reservation >= 20);
            r.put("coversVoluntary", random.nextBoolean());
            r.put("doNotContact", reservation == 0);
        }
        return c;
    }

    private static void membership(SplittableRandom random, ArrayNode memberships, String chapter, int age) {
        int kind = random.nextInt(100);
        String type = age < 35 && kind < 40 ? "student" : kind < 88 ? "ordinary" : "family";
        LocalDate start = REFERENCE_DATE.minusDays(30 + random.nextInt(12 * 365));
        boolean lapsed = random.nextInt(100) < 12;
        ObjectNode m = memberships.addObject();
        m.put("type", type);
        m.put("status", lapsed ? "lapsed" : "active");
        m.put("start", start.toString());
        m.put("paidUntil", (lapsed ? REFERENCE_DATE.minusMonths(1 + random.nextInt(18))
                : REFERENCE_DATE.withDayOfYear(1).plusYears(random.nextInt(4) == 0 ? 0 : 1).minusDays(1)).toString());
        m.put("chapter", chapter);
        if (type.equals("student")) {
            // Some exams are behind them (the "are you still a student?" journey), some ahead.
            m.put("examDate", REFERENCE_DATE.plusDays(random.nextInt(4 * 365) - 2 * 365).toString());
        }
    }

    private static void donor(SplittableRandom random, ObjectNode d) {
        boolean regular = random.nextInt(100) < 33;
        LocalDate first = REFERENCE_DATE.minusDays(60 + random.nextInt(10 * 365));
        LocalDate last = regular ? REFERENCE_DATE.minusDays(random.nextInt(30))
                : REFERENCE_DATE.minusDays(random.nextInt(5 * 365));
        if (last.isBefore(first)) {
            last = first;
        }
        long lastAmount = (regular ? 100 + 50L * random.nextInt(9) : 100L * (1 + random.nextInt(20))) * 100;
        d.put("regularDonor", regular);
        if (regular) {
            d.put("regularAmountOre", lastAmount);
        }
        d.put("firstGiftDate", first.toString());
        d.put("lastGiftDate", last.toString());
        d.put("lastGiftAmountOre", lastAmount);
        boolean gaveThisYear = !last.isBefore(REFERENCE_DATE.minusMonths(12));
        d.put("sumLast12MonthsOre", regular ? lastAmount * 12 : gaveThisYear ? lastAmount * (1 + random.nextInt(3)) : 0);
        d.put("giftCount", regular ? (int) ChronoUnit.MONTHS.between(first, last) + 1 : 1 + random.nextInt(8));
    }

    /**
     * A recorded yes or no per channel, as a member register holds them. A "no" is an explicit opt-out (a
     * STOPP reply, an unsubscribe, "no more calls") that the send-time rules always honour, so only a few
     * percent have one; many people have no record for a channel, and members and givers among them may
     * still get SMS and e-mail through their relationship. Columns: channel, % yes, % no (of those with a
     * draw), where a no comes from. The random draws are the same for every outcome, so the rest of the
     * contact (reservations) and the yes counts the benchmarks report do not depend on these shares.
     */
    private static void consents(SplittableRandom random, ObjectNode consents) {
        String[][] channels = {{"sms", "70", "5", "sms-reply"}, {"email", "65", "5", "unsubscribe-link"},
                {"phone", "40", "10", "phone-call"}, {"post", "80", "3", "web"},
                {"newsletter", "50", "5", "unsubscribe-link"}};
        for (String[] channel : channels) {
            if (random.nextInt(100) < 90) {
                int draw = random.nextInt(100);
                boolean granted = draw < Integer.parseInt(channel[1]);
                boolean refused = draw >= 100 - Integer.parseInt(channel[2]);
                boolean formOrWeb = random.nextBoolean();
                Instant at = UPDATED_AT.minus(random.nextInt(5 * 365), ChronoUnit.DAYS);
                if (granted || refused) {
                    ObjectNode consent = consents.putObject(channel[0]);
                    consent.put("granted", granted);
                    consent.put("source", refused ? channel[3] : formOrWeb ? "membership-form" : "web");
                    consent.put("at", at.toString());
                }
            }
        }
    }

    /** Norwegian mobile numbers start with 4 or 9; 40-41 and 45-48 and 90-99 are the mobile ranges. */
    private static String mobileNumber(SplittableRandom random) {
        String[] prefixes = {"40", "41", "45", "46", "47", "48", "90", "91", "92", "93", "94", "95", "96", "97", "98", "99"};
        return "+47" + prefixes[random.nextInt(prefixes.length)] + String.format("%06d", random.nextInt(1_000_000));
    }

    private static String ascii(String name) {
        return Normalizer.normalize(name.replace("ø", "o").replace("Ø", "O").replace("æ", "ae").replace("Æ", "Ae")
                .replace("å", "a").replace("Å", "A"), Normalizer.Form.NFD).replaceAll("[^A-Za-z.]", "");
    }

    private static <T> T pick(SplittableRandom random, List<T> list) {
        return list.get(random.nextInt(list.size()));
    }
}
