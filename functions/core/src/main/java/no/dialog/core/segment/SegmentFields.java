package no.dialog.core.segment;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Period;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import no.dialog.core.contact.Channel;
import no.dialog.core.contact.Consent;
import no.dialog.core.contact.Contact;
import no.dialog.core.contact.DonorFacts;
import no.dialog.core.contact.Membership;
import no.dialog.core.contact.MembershipStatus;
import no.dialog.core.contact.PostalAddress;
import no.dialog.core.predicted.ModelKind;

/**
 * The fixed registry of fields a segment can ask about.
 *
 * <p>Membership fields ({@code membership.*}) read every membership of the person, and a condition on
 * them matches when ANY membership matches. Two conditions are checked independently: "type is student
 * AND exam date has passed" also matches a person with a student membership and, separately, another
 * membership with a past exam date. In practice only student memberships carry an exam date.
 *
 * <p>Behaviour fields ({@code journey.*}, types {@link FieldType#isBehaviour()}) ask about the person's
 * history in Dialog's journeys ({@link ContactHistory}) and always name a journey; see
 * {@link BehaviourLookup} for how evaluators get the histories.
 *
 * <p>Predicted fields ({@code predicted.*}, ADR 0037) ask what the organisation's published models say about
 * the person: {@code predicted.<model>} (a probability 0..1), {@code predicted.<model>Decile} (1..10),
 * {@code predicted.bestChannel} and {@code predicted.bestHour} (0..23, Europe/Oslo). They are read from the
 * person's {@link ContactHistory#predicted() prediction} ({@link PredictedConditions}), never from the contact,
 * and like behaviour they are profiling: {@link ProfilingObjection} applies to them.
 *
 * <p>Custom attributes are asked about as {@code attributes.<name>}; their type follows the condition's
 * value (text, number or boolean), and an attribute holding another type does not match.
 * <pre>{@code
 * SegmentFields.all().stream().map(SegmentField::describe).toList(); // for GET /segment-fields
 * SegmentFields.find("membership.examDate");                         // Optional<SegmentField>
 * }</pre>
 */
public final class SegmentFields {

    /** Prefix of predicted fields. */
    public static final String PREDICTED_PREFIX = "predicted.";
    /** Suffix of a model's decile field: {@code predicted.dropoutRiskDecile}. */
    public static final String DECILE_SUFFIX = "Decile";
    public static final String BEST_CHANNEL = PREDICTED_PREFIX + "bestChannel";
    public static final String BEST_HOUR = PREDICTED_PREFIX + "bestHour";

    /** Prefix of custom attribute fields. */
    public static final String ATTRIBUTE_PREFIX = "attributes.";

    /** Same rule as attribute keys in contact files. */
    private static final Pattern ATTRIBUTE_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,63}");

    private static final Map<String, SegmentField> FIELDS = build();

    private SegmentFields() {}

    /** Every fixed field, in the order the admin UI should show them (custom attributes not included). */
    public static List<SegmentField> all() {
        return List.copyOf(FIELDS.values());
    }

    /** The descriptions of {@link #all()}, plus one entry {@code attributes.*} for custom attributes. */
    public static List<SegmentField.Description> describeAll() {
        List<SegmentField.Description> result = new ArrayList<>();
        FIELDS.values().forEach(f -> result.add(f.describe()));
        var ops = new LinkedHashSet<Operator>();
        ops.addAll(FieldType.TEXT.operators());
        ops.addAll(FieldType.NUMBER.operators());
        ops.addAll(FieldType.BOOLEAN.operators());
        result.add(new SegmentField.Description(ATTRIBUTE_PREFIX + "*", FieldType.TEXT,
                "Egendefinert felt (tekst, tall eller ja/nei)", "Custom attribute (text, number or yes/no)",
                List.of(), Set.copyOf(ops)));
        return result;
    }

    /** A fixed field by id; custom attributes need {@link #attribute(String, FieldType)}. */
    public static Optional<SegmentField> find(String id) {
        return Optional.ofNullable(FIELDS.get(id));
    }

    /** Whether the field is read from the person's prediction ({@code predicted.*}). */
    public static boolean isPredicted(String id) {
        return id.startsWith(PREDICTED_PREFIX);
    }

    /** The channels a best channel can be: those of the response models. */
    public static List<String> predictedChannels() {
        List<String> channels = new ArrayList<>();
        for (ModelKind kind : ModelKind.values()) {
            kind.channel().ifPresent(c -> channels.add(c.jsonName()));
        }
        return List.copyOf(channels);
    }

    public static boolean isAttribute(String id) {
        return id.startsWith(ATTRIBUTE_PREFIX);
    }

    public static boolean isValidAttributeName(String name) {
        return ATTRIBUTE_NAME.matcher(name).matches();
    }

    /**
     * A custom attribute field of the given type. Values of another type are not seen; a {@code null}
     * type sees every value (for {@code exists}/{@code notExists}).
     */
    public static SegmentField attribute(String name, FieldType type) {
        Class<?> wanted = type == null ? Object.class
                : switch (type) {
                    case NUMBER -> Number.class;
                    case BOOLEAN -> Boolean.class;
                    default -> String.class;
                };
        return new SegmentField(ATTRIBUTE_PREFIX + name, type == null ? FieldType.TEXT : type,
                "Egendefinert: " + name, "Custom: " + name, List.of(),
                (c, today) -> {
                    Object value = c.attributes().get(name);
                    return wanted.isInstance(value) ? List.of(value) : List.of();
                });
    }

    /**
     * The field a condition asks about: a fixed field, or a custom attribute typed by the condition's
     * value (text, number or boolean; for an array, its first element). Empty when unknown.
     */
    public static Optional<SegmentField> forCondition(String id, JsonNode value) {
        if (!isAttribute(id)) {
            return find(id);
        }
        String name = id.substring(ATTRIBUTE_PREFIX.length());
        if (!isValidAttributeName(name)) {
            return Optional.empty();
        }
        var sample = value != null && value.isArray() && !value.isEmpty() ? value.get(0) : value;
        FieldType type = sample == null || sample.isNull() || sample.isMissingNode() ? null
                : sample.isNumber() ? FieldType.NUMBER
                : sample.isBoolean() ? FieldType.BOOLEAN
                : FieldType.TEXT;
        return Optional.of(attribute(name, type));
    }

    private static Map<String, SegmentField> build() {
        Map<String, SegmentField> m = new LinkedHashMap<>();
        add(m, "firstName", FieldType.TEXT, "Fornavn", "First name", (c, t) -> one(c.firstName()));
        add(m, "lastName", FieldType.TEXT, "Etternavn", "Last name", (c, t) -> one(c.lastName()));
        add(m, "age", FieldType.NUMBER, "Alder", "Age",
                (c, t) -> c.birthDate() == null || c.birthDate().isAfter(t)
                        ? List.of() : List.of((long) Period.between(c.birthDate(), t).getYears()));
        add(m, "birthDate", FieldType.DATE, "Fødselsdato", "Birth date", (c, t) -> one(c.birthDate()));
        add(m, "postcode", FieldType.TEXT, "Postnummer", "Postcode", (c, t) -> address(c, PostalAddress::postcode));
        add(m, "city", FieldType.TEXT, "Poststed", "City", (c, t) -> address(c, PostalAddress::city));
        // Contact.phone is normalised to E.164 on import; "has a mobile" means a phone we can text.
        add(m, "hasPhone", FieldType.BOOLEAN, "Har mobilnummer", "Has mobile number",
                (c, t) -> List.of(c.phone() != null && !c.phone().isBlank()));
        add(m, "hasEmail", FieldType.BOOLEAN, "Har e-post", "Has e-mail",
                (c, t) -> List.of(c.email() != null && !c.email().isBlank()));

        add(m, "membership.type", FieldType.TEXT, "Medlemskapstype", "Membership type",
                (c, t) -> memberships(c, Membership::type));
        String[] statuses = Arrays.stream(MembershipStatus.values()).map(MembershipStatus::jsonName)
                .toArray(String[]::new);
        m.put("membership.status", new SegmentField("membership.status", FieldType.ENUM,
                "Medlemskapsstatus", "Membership status", List.of(statuses),
                (c, t) -> memberships(c, ms -> ms.status() == null ? null : ms.status().jsonName())));
        add(m, "membership.start", FieldType.DATE, "Medlem fra", "Member since", (c, t) -> memberships(c, Membership::start));
        add(m, "membership.paidUntil", FieldType.DATE, "Betalt til", "Paid until",
                (c, t) -> memberships(c, Membership::paidUntil));
        add(m, "membership.chapter", FieldType.TEXT, "Lokallag", "Local chapter",
                (c, t) -> memberships(c, Membership::chapter));
        add(m, "membership.examDate", FieldType.DATE, "Eksamensdato", "Exam date",
                (c, t) -> memberships(c, Membership::examDate));

        add(m, "donor.regular", FieldType.BOOLEAN, "Fast giver", "Regular donor",
                (c, t) -> List.of(c.donor() != null && c.donor().regularDonor()));
        add(m, "donor.lastGiftDate", FieldType.DATE, "Siste gave (dato)", "Last gift date",
                (c, t) -> donor(c, DonorFacts::lastGiftDate));
        add(m, "donor.lastGiftAmountOre", FieldType.NUMBER, "Siste gave (øre)", "Last gift amount (øre)",
                (c, t) -> donor(c, DonorFacts::lastGiftAmountOre));
        add(m, "donor.sumLast12MonthsOre", FieldType.NUMBER, "Sum gaver siste 12 mnd (øre)",
                "Gifts last 12 months (øre)", (c, t) -> donor(c, DonorFacts::sumLast12MonthsOre));
        add(m, "donor.firstGiftDate", FieldType.DATE, "Første gave (dato)", "First gift date",
                (c, t) -> donor(c, DonorFacts::firstGiftDate));

        add(m, "roles", FieldType.LIST, "Roller", "Roles", (c, t) -> c.roles());
        add(m, "volunteerAreas", FieldType.LIST, "Frivilligområder", "Volunteer areas", (c, t) -> c.volunteerAreas());
        add(m, "events.eventId", FieldType.LIST, "Arrangement (id)", "Event (id)",
                (c, t) -> c.events().stream().map(e -> e.eventId()).filter(Objects::nonNull).toList());

        for (Channel channel : Channel.values()) {
            // No recorded consent counts as not granted: consent must be shown, never assumed.
            add(m, "consent." + channel.jsonName(), FieldType.BOOLEAN,
                    "Samtykke " + channel.jsonName(), "Consent " + channel.jsonName(),
                    (c, t) -> {
                        Consent consent = c.consents().get(channel);
                        return List.of(consent != null && consent.granted());
                    });
        }
        add(m, "reservation.telemarketing", FieldType.BOOLEAN, "Reservert mot telefonsalg",
                "Reserved against telemarketing", (c, t) -> List.of(c.reservations().telemarketing()));
        add(m, "reservation.addressedPost", FieldType.BOOLEAN, "Reservert mot adressert reklame",
                "Reserved against addressed post", (c, t) -> List.of(c.reservations().addressedPost()));
        add(m, "reservation.doNotContact", FieldType.BOOLEAN, "Ønsker ikke kontakt", "Do not contact",
                (c, t) -> List.of(c.reservations().doNotContact()));
        add(m, "reservation.objectsToProfiling", FieldType.BOOLEAN, "Har reservert seg mot profilering",
                "Objects to profiling", (c, t) -> List.of(c.reservations().objectsToProfiling()));

        // Behaviour in Dialog: read from the person's ContactHistory (BehaviourConditions), never from
        // the contact, so their readers see nothing; an evaluator without histories sees an empty one.
        add(m, "journey.inNow", FieldType.JOURNEY, "Er i reisen nå", "Is in journey now", (c, t) -> List.of());
        add(m, "journey.goalReached", FieldType.JOURNEY, "Nådde målet i reisen", "Reached the goal of journey",
                (c, t) -> List.of());
        add(m, "journey.sentStep", FieldType.JOURNEY_STEP, "Fikk utsendelsen (reise/steg)",
                "Was sent step (journey/step)", (c, t) -> List.of());
        add(m, "journey.answered", FieldType.ANSWER, "Svarte på spørsmål i reisen", "Answered question in journey",
                (c, t) -> List.of());
        add(m, "journey.opened", FieldType.JOURNEY, "Åpnet e-post i reisen", "Opened an e-mail in journey",
                (c, t) -> List.of());
        add(m, "journey.clicked", FieldType.JOURNEY, "Klikket i e-post i reisen", "Clicked in an e-mail in journey",
                (c, t) -> List.of());

        // Predictions (ADR 0037): read from the person's prediction (PredictedConditions), never from the
        // contact, so their readers see nothing.
        for (ModelKind kind : ModelKind.values()) {
            add(m, PREDICTED_PREFIX + kind.field(), FieldType.NUMBER, kind.labelNb() + " (0–1)",
                    kind.labelEn() + " (0–1)", (c, t) -> List.of());
            add(m, PREDICTED_PREFIX + kind.field() + DECILE_SUFFIX, FieldType.NUMBER,
                    kind.labelNb() + " (tidel 1–10)", kind.labelEn() + " (decile 1–10)", (c, t) -> List.of());
        }
        m.put(BEST_CHANNEL, new SegmentField(BEST_CHANNEL, FieldType.ENUM, "Beste kanal (beregnet)",
                "Best channel (predicted)", predictedChannels(), (c, t) -> List.of()));
        add(m, BEST_HOUR, FieldType.NUMBER, "Beste time på døgnet (beregnet, 0–23)",
                "Best hour of day (predicted, 0–23)", (c, t) -> List.of());
        return Collections.unmodifiableMap(m);
    }

    private static void add(Map<String, SegmentField> m, String id, FieldType type, String nb, String en,
                            SegmentField.Reader reader) {
        m.put(id, new SegmentField(id, type, nb, en, List.of(), reader));
    }

    private static List<Object> one(Object value) {
        return value == null ? List.of() : List.of(value);
    }

    private static List<Object> address(Contact c, Function<PostalAddress, Object> part) {
        return c.address() == null ? List.of() : one(part.apply(c.address()));
    }

    private static List<Object> donor(Contact c, Function<DonorFacts, Object> part) {
        return c.donor() == null ? List.of() : one(part.apply(c.donor()));
    }

    private static List<Object> memberships(Contact c, Function<Membership, Object> part) {
        List<Object> values = new ArrayList<>(c.memberships().size());
        for (Membership membership : c.memberships()) {
            Object value = part.apply(membership);
            if (value != null) {
                values.add(value);
            }
        }
        return values;
    }
}
