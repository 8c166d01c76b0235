package no.dialog.local.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import no.dialog.core.contact.Channel;
import no.dialog.core.contact.Consent;
import no.dialog.core.contact.Contact;
import no.dialog.core.contact.DonorFacts;
import no.dialog.core.contact.Membership;
import no.dialog.core.contact.MembershipStatus;
import no.dialog.core.contact.PostalAddress;
import no.dialog.core.contact.Reservations;
import no.dialog.core.payment.PaymentKind;
import no.dialog.core.predicted.ModelKind;
import no.dialog.core.predict.Outcomes;
import no.dialog.core.predict.PersonFacts;

/**
 * Synthetic people whose behaviour follows known, planted probabilities, so a model's quality can be measured
 * against the truth. Person {@code n} is the same on every run for a seed, and costs a few microseconds, so a
 * million can be generated again and again instead of being held.
 *
 * <p>Time runs in quarters of 90 days ending at {@link #END}: boundary {@code k} is {@code T0 + 90·k} for
 * {@code k = -24 .. 1}, so {@link #TRAINING_AS_OF} ({@code k = 0}) and {@link #TEST_AS_OF} ({@code k = 1}) are
 * boundaries. At each boundary the person's state (what they did so far, which a model can see, and hidden traits,
 * which it cannot) decides what happens in the next 90 days, each decision drawn with a probability that is a
 * logistic function of that state; that probability is recorded and is {@link #trueProbability}:
 * <ul>
 *   <li>a regular giver (monthly Vipps Recurring charges on a fixed day of the month) stops with the planted
 *       dropout probability: the charges end within the first 45 days of the quarter; one who stays may miss one
 *       charge early in the quarter (more likely with low hidden commitment), which later raises the risk;</li>
 *   <li>a member whose yearly fee (an invoice payment) falls due in the quarter renews or lapses with the planted
 *       lapse probability, paying 0..14 days after the due day;</li>
 *   <li>on each channel the person has consented to and can be reached on, one message is sent in four quarters
 *       of five, and answered with the planted response probability, mostly at the person's own favourite hour;</li>
 *   <li>one-off gifts come at a rate set by hidden traits.</li>
 * </ul>
 * The planted functions use history a model can see (missed charges, tenure, age, amounts, recent gifts and
 * responses) and hidden traits it cannot (commitment, responsiveness per channel), so the oracle, which knows
 * them, stays ahead of any model. <b>Drift:</b> from {@link #TEST_AS_OF} on, dropout and lapse are a little more
 * likely (more so for the young) and e-mail responses a little less likely, so a model trained on the first
 * period meets a slightly changed world in the second, as real ones do.
 *
 * <p>The facts match what Dialog holds: regular charges are gifts with {@code regular = true} (Vipps Recurring);
 * membership fees are {@link PaymentKind#INVOICE} payments; the contact's membership shows its start and paidUntil
 * as of {@link #END}; all data is invented (example.org e-mail addresses, invented phone numbers).
 */
public final class PlantedBehaviour {

    public static final LocalDate END = DemoContacts.REFERENCE_DATE;
    public static final LocalDate TRAINING_AS_OF = END.minusDays(180);
    public static final LocalDate TEST_AS_OF = END.minusDays(90);
    static final int QUARTER = 90;
    static final int FIRST_QUARTER = -24;
    static final int LAST_QUARTER = 1;
    private static final Instant UPDATED_AT = Instant.parse("2026-11-01T03:00:00Z");
    private static final List<Channel> CHANNELS = List.of(Channel.SMS, Channel.EMAIL, Channel.POST, Channel.PHONE);
    /** Response intercepts per channel (SMS, e-mail, letter, call). */
    private static final double[] RESPONSE_BASE = {-1.6, -2.4, -2.2, -1.3};
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private final long seed;
    private final double strength;

    public PlantedBehaviour(long seed) {
        this(seed, 1.0);
    }

    /**
     * @param strength multiplies the weight of what a model can see in the dropout and lapse probabilities (1: the
     *                 benchmark's world). The local demo organisation, a few thousand people, plants a stronger signal
     *                 so a model can tell it from noise there; the planted probabilities stay exactly known.
     */
    public PlantedBehaviour(long seed, double strength) {
        if (!(strength > 0)) {
            throw new IllegalArgumentException("strength must be positive");
        }
        this.seed = seed;
        this.strength = strength;
    }

    /**
     * One generated person: the facts Dialog would hold, and the planted probabilities.
     *
     * @param planted [quarter − FIRST_QUARTER][model ordinal]: the probability drawn from at that boundary, NaN where
     *                the person was not eligible for the model
     */
    public record Person(int number, PersonFacts facts, double[][] planted) {}

    /**
     * The probability the generator used for the person's outcome of the model in the 90 days after
     * {@code asOf}; empty when the person was not eligible then.
     *
     * @throws IllegalArgumentException when asOf is not a quarter boundary (only those have a planted truth)
     */
    public static OptionalDouble trueProbability(ModelKind kind, Person person, LocalDate asOf) {
        long days = ChronoUnit.DAYS.between(TRAINING_AS_OF, asOf);
        if (days % QUARTER != 0 || days / QUARTER < FIRST_QUARTER || days / QUARTER > LAST_QUARTER) {
            throw new IllegalArgumentException("the planted truth is known at quarter boundaries only");
        }
        double p = person.planted()[(int) (days / QUARTER) - FIRST_QUARTER][kind.ordinal()];
        return Double.isNaN(p) ? OptionalDouble.empty() : OptionalDouble.of(p);
    }

    public Person person(int n) {
        SplittableRandom random = new SplittableRandom(seed ^ (n * GOLDEN));
        Contact contact = contact(n, random);
        return new Simulation(n, contact, random, strength).run();
    }

    private static Contact contact(int n, SplittableRandom random) {
        boolean woman = random.nextBoolean();
        String first = pick(random, woman ? NorwegianNames.WOMEN : NorwegianNames.MEN);
        String last = pick(random, NorwegianNames.SURNAMES);
        NorwegianNames.Place place = pick(random, NorwegianNames.PLACES);
        // Ages 18..90, more of them older, as in Norwegian member organisations.
        int age = 18 + (int) (72 * Math.pow(random.nextDouble(), 0.8));
        LocalDate birthDate = END.minusYears(age).minusDays(random.nextInt(365));
        String phone = random.nextInt(100) < 92 ? String.format(Locale.ROOT, "+474%07d", random.nextInt(10_000_000)) : null;
        String email = random.nextInt(100) < 80 ? "planted." + n + "@example.org" : null;
        PostalAddress address = random.nextInt(100) < 97 ? new PostalAddress(pick(random, NorwegianNames.STREETS) + " "
                + (1 + random.nextInt(120)), place.postcode(), place.city(), "NO") : null;
        Map<Channel, Consent> consents = new EnumMap<>(Channel.class);
        consent(consents, Channel.SMS, random, 75);
        consent(consents, Channel.EMAIL, random, 70);
        consent(consents, Channel.POST, random, 85);
        consent(consents, Channel.PHONE, random, 55);
        Reservations reservations = new Reservations(random.nextInt(100) < 15, random.nextInt(100) < 8,
                random.nextBoolean(), random.nextInt(200) == 0, random.nextInt(100) < 2);
        return new Contact(String.format(Locale.ROOT, "P-%07d", n), UPDATED_AT, first, last, birthDate, phone, email,
                address, List.of(), null, List.of(), List.of(), List.of(), consents, reservations, Map.of());
    }

    private static void consent(Map<Channel, Consent> consents, Channel channel, SplittableRandom random, int percent) {
        int roll = random.nextInt(100);
        if (roll < percent) {
            consents.put(channel, new Consent(true, "planted", UPDATED_AT));
        } else if (roll < percent + 5) {
            consents.put(channel, new Consent(false, "planted", UPDATED_AT));
        }
    }

    private static <T> T pick(SplittableRandom random, List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    static double sigmoid(double t) {
        return 1.0 / (1.0 + Math.exp(-t));
    }

    /** One person's quarters, in order; what happens in a quarter depends only on the state at its start. */
    private static final class Simulation {
        private final int n;
        private final Contact contact;
        private final SplittableRandom random;
        private final List<PersonFacts.Payment> payments = new ArrayList<>();
        private final List<PersonFacts.Message> messages = new ArrayList<>();
        private final double[][] planted = new double[LAST_QUARTER - FIRST_QUARTER + 1][ModelKind.values().length];
        private final boolean[] reachable = new boolean[CHANNELS.size()];
        private final double commitment;
        private final double[] responsiveness = new double[CHANNELS.size()];
        private final int favouriteHour;
        private final long birth;

        private boolean regular;
        private int regularFrom = Integer.MAX_VALUE;
        private int chargeDay;
        private long monthlyOre;
        private long firstCharge = Long.MIN_VALUE;
        private final int[] missedInQuarter = new int[LAST_QUARTER - FIRST_QUARTER + 1];

        private boolean member;
        private long joined = Long.MIN_VALUE;
        private long nextDue;
        private long lastInvoice = Long.MIN_VALUE;
        private long lapsedDue = Long.MIN_VALUE;

        /** The last one-off gift (regular charges are not counted here). */
        private long lastGift = Long.MIN_VALUE / 2;
        private long lastResponse = Long.MIN_VALUE / 2;
        private final int[] sentEver = new int[CHANNELS.size()];
        private final int[] respondedEver = new int[CHANNELS.size()];

        private final double strength;

        Simulation(int n, Contact contact, SplittableRandom random, double strength) {
            this.strength = strength;
            this.n = n;
            this.contact = contact;
            this.random = random;
            for (double[] row : planted) {
                java.util.Arrays.fill(row, Double.NaN);
            }
            commitment = random.nextGaussian();
            double general = random.nextGaussian();
            for (int c = 0; c < CHANNELS.size(); c++) {
                responsiveness[c] = 0.6 * general + 0.8 * random.nextGaussian();
                reachable[c] = Outcomes.reachable(contact, CHANNELS.get(c));
            }
            favouriteHour = 9 + random.nextInt(11);
            birth = contact.birthDate().toEpochDay();
        }

        Person run() {
            int start = FIRST_QUARTER + random.nextInt(-FIRST_QUARTER);
            if (random.nextInt(100) < 38) {
                regularFrom = start + random.nextInt(1 - start);
                chargeDay = 1 + random.nextInt(28);
                long kroner = Math.round(Math.exp(Math.log(200) + 0.5 * random.nextGaussian()) / 10) * 10;
                monthlyOre = Math.max(50, Math.min(2000, kroner)) * 100;
            }
            boolean joins = random.nextInt(100) < 55;
            for (int k = start; k <= LAST_QUARTER; k++) {
                long from = boundary(k);
                if (joins && k == start) {
                    joined = from + 1 + random.nextInt(QUARTER);
                    member = true;
                    invoice(joined);
                }
                quarter(k, from);
            }
            List<Membership> memberships = joined == Long.MIN_VALUE ? List.of() : List.of(new Membership("ordinary",
                    member ? MembershipStatus.ACTIVE : MembershipStatus.LAPSED, LocalDate.ofEpochDay(joined),
                    member ? null : LocalDate.ofEpochDay(lapsedDue), LocalDate.ofEpochDay(lastInvoice + 365), null, null));
            DonorFacts donor = regularFrom == Integer.MAX_VALUE ? null
                    : new DonorFacts(regular, regular ? monthlyOre : null, null, null, null, null, null);
            Contact full = new Contact(contact.id(), contact.updatedAt(), contact.firstName(), contact.lastName(),
                    contact.birthDate(), contact.phone(), contact.email(), contact.address(), memberships, donor,
                    List.of(), List.of(), List.of(), contact.consents(), contact.reservations(), Map.of());
            return new Person(n, new PersonFacts(full, payments, messages), planted);
        }

        private static long boundary(int k) {
            return TRAINING_AS_OF.toEpochDay() + (long) QUARTER * k;
        }

        private void quarter(int k, long from) {
            long to = from + QUARTER;
            double age = (from - birth) / 365.25;
            double young = age < 30 ? 1 : 0;
            double thirties = age >= 30 && age < 45 ? 1 : 0;
            double old = age >= 60 ? 1 : 0;
            double drift = k >= 1 ? 1 : 0;
            double respondedLastYear = lastResponse > from - 365 ? 1 : 0;
            double gaveLastYear = lastGift > from - 365 ? 1 : 0;
            int row = k - FIRST_QUARTER;

            // Regular giving.
            if (k == regularFrom) {
                regular = true;
                charges(from, to, false);
            } else if (regular) {
                int missedLastYear = 0;
                for (int q = Math.max(0, row - 4); q < row; q++) {
                    missedLastYear += missedInQuarter[q];
                }
                double years = (from - firstCharge) / 365.25;
                double logit = -2.4 + strength * (0.55 * missedLastYear + 0.6 * young + 0.3 * thirties
                        - 0.45 * Math.log1p(years) - 0.35 * Math.log(monthlyOre / 20_000.0) - 0.45 * gaveLastYear)
                        + 0.6 * (1 - respondedLastYear) - 0.3 * commitment + drift * (0.25 + 0.25 * young);
                double p = sigmoid(logit);
                planted[row][ModelKind.DROPOUT_RISK.ordinal()] = p;
                if (random.nextDouble() < p) {
                    regular = false;
                    charges(from, from + 1 + random.nextInt(45), false);
                } else {
                    boolean miss = random.nextDouble() < sigmoid(-2.6 - 0.8 * commitment);
                    missedInQuarter[row] = miss ? 1 : 0;
                    charges(from, to, miss);
                }
            }

            // Membership renewal.
            if (member && nextDue > from && nextDue <= to) {
                double years = (from - joined) / 365.25;
                double logit = -1.9 + strength * (0.7 * young - 0.45 * Math.log1p(years) - 0.6 * (regular ? 1 : 0)
                        - 0.4 * gaveLastYear) + 0.7 * (1 - respondedLastYear) - 0.3 * commitment + 0.25 * drift;
                double p = sigmoid(logit);
                if (nextDue <= from + 76) {
                    planted[row][ModelKind.LAPSE_RISK.ordinal()] = p;
                }
                if (random.nextDouble() < p) {
                    member = false;
                    lapsedDue = nextDue;
                } else {
                    invoice(nextDue + random.nextInt(15));
                }
            }

            // Messages and responses.
            boolean respondedNow = false;
            for (int c = 0; c < CHANNELS.size(); c++) {
                if (!reachable[c] || random.nextInt(5) == 0) {
                    continue;
                }
                double ageEffect = switch (c) {
                    case 0 -> 0.3 * young - 0.4 * (age >= 75 ? 1 : 0);
                    case 1 -> 0.2 * thirties;
                    case 2 -> 0.5 * old - 0.4 * young;
                    default -> 0.3 * old;
                };
                double emailDrift = c == 1 ? -0.2 * drift : 0.1 * drift;
                double logit = RESPONSE_BASE[c] + 0.7 * Math.log1p(respondedEver[c]) - 0.25 * Math.log1p(sentEver[c])
                        + 0.5 * gaveLastYear + 0.3 * (regular ? 1 : 0) + ageEffect + 0.5 * responsiveness[c] + emailDrift;
                double p = sigmoid(logit);
                planted[row][ModelKind.values()[ModelKind.RESPONSE_SMS.ordinal() + c].ordinal()] = p;
                long day = from + 1 + random.nextInt(QUARTER);
                int hour = 9 + random.nextInt(12);
                boolean responded = random.nextDouble() < p;
                int at = -1;
                if (responded) {
                    at = random.nextInt(10) < 7 ? Math.max(8, Math.min(20, favouriteHour + random.nextInt(3) - 1))
                            : 8 + random.nextInt(13);
                    respondedEver[c]++;
                    lastResponse = Math.max(lastResponse, day);
                    respondedNow = true;
                }
                sentEver[c]++;
                messages.add(new PersonFacts.Message(LocalDate.ofEpochDay(day), hour, CHANNELS.get(c), responded, at));
            }

            // One-off gifts: a hidden rate, higher in a quarter with a response.
            double rate = Math.exp(-2.3 + 0.6 * commitment + 0.4 * responsiveness[0] + (respondedNow ? 0.7 : 0));
            int gifts = poisson(rate);
            for (int g = 0; g < gifts; g++) {
                long day = from + 1 + random.nextInt(QUARTER);
                long kroner = Math.max(50, Math.round(Math.exp(Math.log(300) + 0.7 * random.nextGaussian()) / 50) * 50);
                payments.add(new PersonFacts.Payment(LocalDate.ofEpochDay(day), kroner * 100, PaymentKind.GIFT, false));
                lastGift = Math.max(lastGift, day);
            }
        }

        /** Monthly charges on the charge day in (from, to]; the first one missed when asked. */
        private void charges(long from, long to, boolean missFirst) {
            LocalDate day = LocalDate.ofEpochDay(from + 1).withDayOfMonth(chargeDay);
            if (day.toEpochDay() <= from) {
                day = day.plusMonths(1);
            }
            boolean first = true;
            for (; day.toEpochDay() <= to; day = day.plusMonths(1)) {
                if (first && missFirst) {
                    first = false;
                    continue;
                }
                first = false;
                payments.add(new PersonFacts.Payment(day, monthlyOre, PaymentKind.GIFT, true));
                if (firstCharge == Long.MIN_VALUE) {
                    firstCharge = day.toEpochDay();
                }
            }
        }

        private void invoice(long day) {
            payments.add(new PersonFacts.Payment(LocalDate.ofEpochDay(day), 40_000, PaymentKind.INVOICE, false));
            lastInvoice = day;
            nextDue = day + 365;
        }

        private int poisson(double rate) {
            double limit = Math.exp(-rate);
            double product = random.nextDouble();
            int count = 0;
            while (product > limit) {
                count++;
                product *= random.nextDouble();
            }
            return count;
        }
    }
}
