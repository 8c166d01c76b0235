package no.dialog.core.contact;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import no.dialog.core.time.OsloTime;

/**
 * The contact record format, both ways: one JSON object per contact, as in contact files (NDJSON, one
 * per line), change events and Dialog's own storage. The schema is documented in
 * {@code docs/contact-format.md} with an example in {@code events/sync/contacts.ndjson}.
 *
 * <p>Reading validates every field and collects every problem (a row is rejected with all its reasons,
 * not just the first). Phones become E.164, e-mail domains lower case. Unknown fields are refused
 * rather than dropped, because a silently dropped field is data the organisation thinks it has sent.
 * Writing produces the canonical form, so {@code read(write(c))} gives {@code c} back.
 */
public final class ContactJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static final Pattern CONTACT_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9_-]{0,31}");
    private static final Pattern ATTRIBUTE_KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,63}");
    private static final Pattern NORWEGIAN_POSTCODE = Pattern.compile("\\d{4}");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final LocalDate EARLIEST_BIRTH_DATE = LocalDate.of(1900, 1, 1);

    private static final Set<String> TOP_LEVEL_FIELDS = Set.of(
            "id", "updatedAt", "firstName", "lastName", "birthDate", "phone", "email", "address",
            "memberships", "donor", "events", "roles", "volunteerAreas", "consents", "reservations", "attributes");

    private final Clock clock;

    /** @param clock decides "today" for checks such as "a birth date is not in the future" */
    public ContactJson(Clock clock) {
        this.clock = clock;
    }

    /** The outcome of reading one record: a contact, or the problems that kept it out. */
    public record Parsed(Contact contact, String contactId, List<Problem> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    /** Reads one line of a contact file (or any JSON text holding one contact). */
    public Parsed read(String json) {
        JsonNode node;
        try {
            node = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            var location = e.getLocation();
            String where = location == null ? "" : " (column " + location.getColumnNr() + ")";
            return new Parsed(null, null, List.of(new Problem("", "not valid JSON" + where)));
        }
        return read(node);
    }

    /** Reads one contact from a JSON tree. */
    public Parsed read(JsonNode node) {
        if (node == null || !node.isObject()) {
            return new Parsed(null, null, List.of(new Problem("", "a contact must be a JSON object")));
        }
        Reader r = new Reader();
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!TOP_LEVEL_FIELDS.contains(name)) {
                r.problem(name, "unknown field (custom fields go under \"attributes\")");
            }
        }
        String id = r.text(node, "id", 64, true);
        if (id != null && !CONTACT_ID.matcher(id).matches()) {
            r.problem("id", "must be 1-64 letters, digits or . _ : -");
            id = null;
        }
        Instant updatedAt = r.instant(node, "updatedAt", true);
        String firstName = r.text(node, "firstName", 100, false);
        String lastName = r.text(node, "lastName", 100, false);
        LocalDate birthDate = r.date(node, "birthDate");
        if (birthDate != null && (birthDate.isBefore(EARLIEST_BIRTH_DATE) || birthDate.isAfter(OsloTime.today(clock)))) {
            r.problem("birthDate", "must be between 1900-01-01 and today");
        }
        String phone = null;
        String rawPhone = r.text(node, "phone", 32, false);
        if (rawPhone != null) {
            phone = PhoneNumbers.toE164(rawPhone).orElse(null);
            if (phone == null) {
                r.problem("phone", "not a valid phone number (use +47 and 8 digits for Norwegian numbers)");
            }
        }
        String email = null;
        String rawEmail = r.text(node, "email", 254, false);
        if (rawEmail != null) {
            email = EmailAddresses.normalise(rawEmail).orElse(null);
            if (email == null) {
                r.problem("email", "not a valid e-mail address");
            }
        }
        PostalAddress address = r.object(node, "address", this::address);
        List<Membership> memberships = r.list(node, "memberships", this::membership);
        DonorFacts donor = r.object(node, "donor", this::donor);
        List<EventParticipation> events = r.list(node, "events", this::event);
        List<String> roles = r.codes(node, "roles");
        List<String> volunteerAreas = r.codes(node, "volunteerAreas");
        Map<Channel, Consent> consents = consents(r, node);
        Reservations reservations = r.object(node, "reservations", this::reservations);
        Map<String, Object> attributes = attributes(r, node);

        if (!r.problems.isEmpty()) {
            return new Parsed(null, id, List.copyOf(r.problems));
        }
        Contact contact = new Contact(id, updatedAt, firstName, lastName, birthDate, phone, email, address,
                memberships, donor, events, roles, volunteerAreas, consents, reservations, attributes);
        return new Parsed(contact, id, List.of());
    }

    private PostalAddress address(Reader r, JsonNode node) {
        r.onlyFields(node, Set.of("street", "postcode", "city", "country"));
        String street = r.text(node, "street", 200, false);
        String postcode = r.text(node, "postcode", 10, false);
        String city = r.text(node, "city", 100, false);
        String country = r.text(node, "country", 2, false);
        if (country == null) {
            country = "NO";
        } else if (!COUNTRY.matcher(country).matches()) {
            r.problem("country", "must be a two-letter ISO country code in capitals, e.g. NO");
        }
        if ("NO".equals(country) && postcode != null && !NORWEGIAN_POSTCODE.matcher(postcode).matches()) {
            r.problem("postcode", "a Norwegian postcode has four digits");
        }
        return new PostalAddress(street, postcode, city, country);
    }

    private Membership membership(Reader r, JsonNode node) {
        r.onlyFields(node, Set.of("type", "status", "start", "end", "paidUntil", "chapter", "examDate"));
        String type = r.code(node, "type", true);
        MembershipStatus status = r.enumValue(node, "status", MembershipStatus.class, true);
        LocalDate start = r.date(node, "start");
        LocalDate end = r.date(node, "end");
        if (start != null && end != null && end.isBefore(start)) {
            r.problem("end", "is before start");
        }
        return new Membership(type, status, start, end, r.date(node, "paidUntil"),
                r.text(node, "chapter", 100, false), r.date(node, "examDate"));
    }

    private DonorFacts donor(Reader r, JsonNode node) {
        r.onlyFields(node, Set.of("regularDonor", "regularAmountOre", "firstGiftDate", "lastGiftDate",
                "lastGiftAmountOre", "sumLast12MonthsOre", "giftCount"));
        Boolean regular = r.bool(node, "regularDonor");
        Long count = r.amount(node, "giftCount");
        return new DonorFacts(Boolean.TRUE.equals(regular), r.amount(node, "regularAmountOre"),
                r.date(node, "firstGiftDate"), r.date(node, "lastGiftDate"), r.amount(node, "lastGiftAmountOre"),
                r.amount(node, "sumLast12MonthsOre"), count == null ? null : Math.toIntExact(Math.min(count, Integer.MAX_VALUE)));
    }

    private EventParticipation event(Reader r, JsonNode node) {
        r.onlyFields(node, Set.of("eventId", "name", "date", "status"));
        return new EventParticipation(r.text(node, "eventId", 64, true), r.text(node, "name", 200, false),
                r.date(node, "date"), r.enumValue(node, "status", ParticipationStatus.class, true));
    }

    private Reservations reservations(Reader r, JsonNode node) {
        r.onlyFields(node, Set.of("telemarketing", "addressedPost", "coversVoluntary", "doNotContact",
                "objectsToProfiling"));
        return new Reservations(Boolean.TRUE.equals(r.bool(node, "telemarketing")),
                Boolean.TRUE.equals(r.bool(node, "addressedPost")),
                Boolean.TRUE.equals(r.bool(node, "coversVoluntary")),
                Boolean.TRUE.equals(r.bool(node, "doNotContact")),
                Boolean.TRUE.equals(r.bool(node, "objectsToProfiling")));
    }

    private Map<Channel, Consent> consents(Reader r, JsonNode node) {
        JsonNode consents = node.get("consents");
        if (consents == null || consents.isNull()) {
            return Map.of();
        }
        if (!consents.isObject()) {
            r.problem("consents", "must be an object keyed by channel (sms, email, phone, post, chat, newsletter)");
            return Map.of();
        }
        Map<Channel, Consent> result = new EnumMap<>(Channel.class);
        consents.fields().forEachRemaining(entry -> {
            var channel = Channel.fromJsonName(entry.getKey());
            r.enter("consents." + entry.getKey());
            if (channel.isEmpty()) {
                r.problem("", "unknown channel");
            } else if (!entry.getValue().isObject()) {
                r.problem("", "must be an object with granted, source and at");
            } else {
                JsonNode consent = entry.getValue();
                r.onlyFields(consent, Set.of("granted", "source", "at"));
                Boolean granted = r.bool(consent, "granted");
                if (granted == null) {
                    r.problem("granted", "is required");
                }
                result.put(channel.get(), new Consent(Boolean.TRUE.equals(granted),
                        r.text(consent, "source", 100, false), r.instant(consent, "at", false)));
            }
            r.leave();
        });
        return result;
    }

    private Map<String, Object> attributes(Reader r, JsonNode node) {
        JsonNode attributes = node.get("attributes");
        if (attributes == null || attributes.isNull()) {
            return Map.of();
        }
        if (!attributes.isObject()) {
            r.problem("attributes", "must be an object");
            return Map.of();
        }
        Map<String, Object> result = new TreeMap<>();
        attributes.fields().forEachRemaining(entry -> {
            String path = "attributes." + entry.getKey();
            JsonNode value = entry.getValue();
            if (!ATTRIBUTE_KEY.matcher(entry.getKey()).matches()) {
                r.problem(path, "attribute names are 1-64 letters, digits or _ . - and start with a letter");
            } else if (value.isTextual() && value.asText().length() <= 1000) {
                result.put(entry.getKey(), value.asText());
            } else if (value.isIntegralNumber() && value.canConvertToLong()) {
                result.put(entry.getKey(), value.asLong());
            } else if (value.isNumber()) {
                result.put(entry.getKey(), value.decimalValue());
            } else if (value.isBoolean()) {
                result.put(entry.getKey(), value.asBoolean());
            } else if (!value.isNull()) {
                r.problem(path, "must be text (up to 1000 characters), a number or true/false");
            }
        });
        return result;
    }

    /** The canonical JSON text of a contact (fields in a fixed order, empty parts left out). */
    public String write(Contact contact) {
        try {
            return MAPPER.writeValueAsString(toTree(contact));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a contact always serialises", e);
        }
    }

    public ObjectNode toTree(Contact c) {
        ObjectNode n = NODES.objectNode();
        n.put("id", c.id());
        n.put("updatedAt", c.updatedAt().toString());
        putIfPresent(n, "firstName", c.firstName());
        putIfPresent(n, "lastName", c.lastName());
        putIfPresent(n, "birthDate", c.birthDate());
        putIfPresent(n, "phone", c.phone());
        putIfPresent(n, "email", c.email());
        if (c.address() != null) {
            ObjectNode a = n.putObject("address");
            putIfPresent(a, "street", c.address().street());
            putIfPresent(a, "postcode", c.address().postcode());
            putIfPresent(a, "city", c.address().city());
            putIfPresent(a, "country", c.address().country());
        }
        if (!c.memberships().isEmpty()) {
            ArrayNode list = n.putArray("memberships");
            for (Membership m : c.memberships()) {
                ObjectNode o = list.addObject();
                o.put("type", m.type());
                o.put("status", m.status().jsonName());
                putIfPresent(o, "start", m.start());
                putIfPresent(o, "end", m.end());
                putIfPresent(o, "paidUntil", m.paidUntil());
                putIfPresent(o, "chapter", m.chapter());
                putIfPresent(o, "examDate", m.examDate());
            }
        }
        if (c.donor() != null) {
            DonorFacts d = c.donor();
            ObjectNode o = n.putObject("donor");
            o.put("regularDonor", d.regularDonor());
            putIfPresent(o, "regularAmountOre", d.regularAmountOre());
            putIfPresent(o, "firstGiftDate", d.firstGiftDate());
            putIfPresent(o, "lastGiftDate", d.lastGiftDate());
            putIfPresent(o, "lastGiftAmountOre", d.lastGiftAmountOre());
            putIfPresent(o, "sumLast12MonthsOre", d.sumLast12MonthsOre());
            if (d.giftCount() != null) {
                o.put("giftCount", d.giftCount());
            }
        }
        if (!c.events().isEmpty()) {
            ArrayNode list = n.putArray("events");
            for (EventParticipation e : c.events()) {
                ObjectNode o = list.addObject();
                o.put("eventId", e.eventId());
                putIfPresent(o, "name", e.name());
                putIfPresent(o, "date", e.date());
                o.put("status", e.status().jsonName());
            }
        }
        if (!c.roles().isEmpty()) {
            c.roles().forEach(n.putArray("roles")::add);
        }
        if (!c.volunteerAreas().isEmpty()) {
            c.volunteerAreas().forEach(n.putArray("volunteerAreas")::add);
        }
        if (!c.consents().isEmpty()) {
            ObjectNode consents = n.putObject("consents");
            new EnumMap<>(c.consents()).forEach((channel, consent) -> {
                ObjectNode o = consents.putObject(channel.jsonName());
                o.put("granted", consent.granted());
                putIfPresent(o, "source", consent.source());
                if (consent.at() != null) {
                    o.put("at", consent.at().toString());
                }
            });
        }
        if (!c.reservations().equals(Reservations.NONE)) {
            ObjectNode o = n.putObject("reservations");
            Reservations r = c.reservations();
            o.put("telemarketing", r.telemarketing());
            o.put("addressedPost", r.addressedPost());
            o.put("coversVoluntary", r.coversVoluntary());
            o.put("doNotContact", r.doNotContact());
            if (r.objectsToProfiling()) {
                o.put("objectsToProfiling", true);
            }
        }
        if (!c.attributes().isEmpty()) {
            ObjectNode o = n.putObject("attributes");
            new TreeMap<>(c.attributes()).forEach((key, value) -> o.set(key, MAPPER.valueToTree(value)));
        }
        return n;
    }

    private static void putIfPresent(ObjectNode node, String field, Object value) {
        if (value instanceof Long l) {
            node.put(field, l);
        } else if (value != null) {
            node.put(field, value.toString());
        }
    }

    /** Reads typed fields and collects problems with their paths. */
    private static final class Reader {
        private final List<Problem> problems = new ArrayList<>();
        private final List<String> path = new ArrayList<>();

        void enter(String segment) {
            path.add(segment);
        }

        void leave() {
            path.remove(path.size() - 1);
        }

        void problem(String field, String reason) {
            String prefix = String.join(".", path).replace(".[", "[");
            String full = prefix.isEmpty() ? field : field.isEmpty() ? prefix : prefix + "." + field;
            problems.add(new Problem(full, reason));
        }

        void onlyFields(JsonNode node, Set<String> allowed) {
            node.fieldNames().forEachRemaining(name -> {
                if (!allowed.contains(name)) {
                    problem(name, "unknown field");
                }
            });
        }

        String text(JsonNode node, String field, int maxLength, boolean required) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull() || (value.isTextual() && value.asText().isBlank())) {
                if (required) {
                    problem(field, "is required");
                }
                return null;
            }
            if (!value.isTextual()) {
                problem(field, "must be text");
                return null;
            }
            String text = value.asText().strip();
            if (text.length() > maxLength) {
                problem(field, "is longer than " + maxLength + " characters");
                return null;
            }
            return text;
        }

        String code(JsonNode node, String field, boolean required) {
            String text = text(node, field, 32, required);
            if (text != null && !CODE.matcher(text).matches()) {
                problem(field, "must be a code of lower-case letters, digits, _ or - (e.g. student)");
                return null;
            }
            return text;
        }

        List<String> codes(JsonNode node, String field) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                return List.of();
            }
            if (!value.isArray()) {
                problem(field, "must be a list of codes");
                return List.of();
            }
            List<String> result = new ArrayList<>();
            for (int i = 0; i < value.size(); i++) {
                JsonNode item = value.get(i);
                if (!item.isTextual() || !CODE.matcher(item.asText()).matches()) {
                    problem(field + "[" + i + "]", "must be a code of lower-case letters, digits, _ or -");
                } else if (!result.contains(item.asText())) {
                    result.add(item.asText());
                }
            }
            return result;
        }

        LocalDate date(JsonNode node, String field) {
            String text = textForParsing(node, field);
            if (text == null) {
                return null;
            }
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                problem(field, "must be a date as YYYY-MM-DD");
                return null;
            }
        }

        Instant instant(JsonNode node, String field, boolean required) {
            String text = textForParsing(node, field);
            if (text == null) {
                if (required && (node.get(field) == null || node.get(field).isNull())) {
                    problem(field, "is required (an ISO-8601 time with offset, e.g. 2026-11-20T10:15:00Z)");
                }
                return null;
            }
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e) {
                problem(field, "must be an ISO-8601 time with offset, e.g. 2026-11-20T10:15:00Z");
                return null;
            }
        }

        Boolean bool(JsonNode node, String field) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                return null;
            }
            if (!value.isBoolean()) {
                problem(field, "must be true or false");
                return null;
            }
            return value.asBoolean();
        }

        Long amount(JsonNode node, String field) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                return null;
            }
            if (!value.isIntegralNumber() || !value.canConvertToLong() || value.asLong() < 0) {
                problem(field, "must be a whole number, 0 or more");
                return null;
            }
            return value.asLong();
        }

        <E extends Enum<E>> E enumValue(JsonNode node, String field, Class<E> type, boolean required) {
            String text = text(node, field, 32, required);
            if (text == null) {
                return null;
            }
            for (E constant : type.getEnumConstants()) {
                if (constant.name().toLowerCase(Locale.ROOT).equals(text)) {
                    return constant;
                }
            }
            List<String> allowed = new ArrayList<>();
            for (E constant : type.getEnumConstants()) {
                allowed.add(constant.name().toLowerCase(Locale.ROOT));
            }
            problem(field, "must be one of " + String.join(", ", allowed));
            return null;
        }

        <T> T object(JsonNode node, String field, java.util.function.BiFunction<Reader, JsonNode, T> read) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                return null;
            }
            if (!value.isObject()) {
                problem(field, "must be an object");
                return null;
            }
            enter(field);
            T result = read.apply(this, value);
            leave();
            return result;
        }

        <T> List<T> list(JsonNode node, String field, java.util.function.BiFunction<Reader, JsonNode, T> read) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                return List.of();
            }
            if (!value.isArray()) {
                problem(field, "must be a list");
                return List.of();
            }
            List<T> result = new ArrayList<>();
            for (int i = 0; i < value.size(); i++) {
                enter(field + "[" + i + "]");
                if (value.get(i).isObject()) {
                    result.add(read.apply(this, value.get(i)));
                } else {
                    problem("", "must be an object");
                }
                leave();
            }
            return result;
        }

        private String textForParsing(JsonNode node, String field) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                return null;
            }
            if (!value.isTextual()) {
                problem(field, "must be text");
                return null;
            }
            return value.asText().strip();
        }
    }
}
