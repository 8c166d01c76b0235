package no.dialog.core.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import no.dialog.core.compliance.QuietHours;
import no.dialog.core.contact.Problem;
import no.dialog.core.crypto.RegisterPublicKey;
import no.dialog.core.enrolment.FrequencyCap;
import no.dialog.core.journey.SendChannel;
import no.dialog.core.landing.MintedLinks;
import no.dialog.core.privacy.RetentionKind;
import no.dialog.core.run.LetterItems;
import no.dialog.core.send.SenderNames;
import no.dialog.core.send.SmsMessage;

/**
 * An organisation's settings as staff edit them ({@code GET|PUT /admin/v1/settings}), over the flat keys the
 * senders and pages read, so that what is written here is what they use:
 *
 * <table>
 *   <tr><th>field</th><th>stored as</th><th>read by</th></tr>
 *   <tr><td>{@code senderName}</td><td>{@value SenderNames#SETTING}</td><td>SMS and chat senders</td></tr>
 *   <tr><td>{@code quietHours}</td><td>{@value QuietHours#SETTING}</td><td>the send-time rules</td></tr>
 *   <tr><td>{@code frequencyCaps.<channel>}</td><td>the tenant item's {@code frequencyCaps}</td><td>the frequency cap</td></tr>
 *   <tr><td>{@code branding.colour|logo|displayName}</td><td>{@code branding.colour|logo|senderName}</td><td>landing pages</td></tr>
 *   <tr><td>{@code landingLinkValidDays}</td><td>{@value MintedLinks#VALID_DAYS_SETTING}</td><td>personal links</td></tr>
 *   <tr><td>{@code giroAccount}</td><td>{@value LetterItems#GIRO_ACCOUNT_SETTING}</td><td>letters with a giro</td></tr>
 *   <tr><td>{@code prices.<channel>}</td><td>{@code price.<channel>}</td><td>results: cost, ROI and cost per goal
 *       (øre per the channel's unit, see {@link no.dialog.core.results.PriceList})</td></tr>
 *   <tr><td>{@code register.bus}</td><td>{@value #REGISTER_BUS}</td><td>nothing yet: every write-back goes on the
 *       bus today; the switch is stored for the register integration to honour</td></tr>
 *   <tr><td>{@code register.publicKey}</td><td>{@value RegisterPublicKey#SETTING}</td><td>landing pages: a national
 *       identity number goes to the register in {@code TaxDeductionRequested} only encrypted to this key (an RSA
 *       public key of at least 3072 bits, PEM)</td></tr>
 *   <tr><td>{@code retention.<kind>} (days)</td><td>{@code retention.<kind>}</td><td>the stores, as they set an
 *       item's expiry ({@link RetentionKind}: within the platform's bounds)</td></tr>
 * </table>
 *
 * A field left out (or null) is not set: the reader's default applies. Every other key of the tenant (provider
 * accounts, e-mail sender ...) is kept as it is when these are replaced.
 *
 * @param frequencyCaps per channel; channels left out use {@link FrequencyCap#DEFAULT}
 * @param prices        øre per the channel's unit ({@link no.dialog.core.results.PriceList})
 * @param retentionDays days each kind of data is kept; kinds left out keep Dialog's default
 */
public record TenantSettings(String senderName, String quietHours, Map<SendChannel, FrequencyCap> frequencyCaps,
                             String brandingColour, String brandingLogo, String displayName,
                             Integer landingLinkValidDays, String giroAccount, Map<SendChannel, Long> prices,
                             Boolean registerBus, String registerPublicKey,
                             Map<RetentionKind, Integer> retentionDays) {

    public static final String BRANDING_COLOUR = "branding.colour";
    public static final String BRANDING_LOGO = "branding.logo";
    public static final String BRANDING_DISPLAY_NAME = "branding.senderName";
    public static final String PRICE_PREFIX = "price.";
    /** Whether answers and consent changes go to the member register over the bus ({@code true} by default). */
    public static final String REGISTER_BUS = "register.bus";
    /** The colour landing pages write text in on the brand colour, and the page background the colour is used on. */
    public static final String PAGE_WHITE = "#ffffff";
    /** Frequency-cap windows from one hour to a year; limits up to 100 per window. */
    static final Duration SHORTEST_WINDOW = Duration.ofHours(1);
    static final Duration LONGEST_WINDOW = Duration.ofDays(365);
    static final int MOST_PER_WINDOW = 100;
    /** A price above 1,000 kroner per send is a typo in øre. */
    static final long HIGHEST_PRICE_ORE = 100_000;

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern COLOUR = Pattern.compile("#[0-9a-fA-F]{6}");
    private static final Pattern LOGO = Pattern.compile("data:image/(png|jpeg|svg\\+xml);base64,[A-Za-z0-9+/=]{1,200000}");
    private static final Set<String> FIELDS = Set.of("senderName", "quietHours", "frequencyCaps", "branding",
            "landingLinkValidDays", "giroAccount", "prices", "register", "retention", "revision");

    public TenantSettings {
        frequencyCaps = frequencyCaps == null ? Map.of() : Map.copyOf(frequencyCaps);
        prices = prices == null ? Map.of() : Map.copyOf(prices);
        retentionDays = retentionDays == null ? Map.of() : Map.copyOf(retentionDays);
    }

    /** What {@link #parse} gives: the settings, or every problem with its field path. */
    public record Parsed(TenantSettings settings, List<Problem> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    /**
     * Reads and checks a settings document. Reasons never echo a value. A {@code revision} field is allowed
     * (what GET answered) and ignored: the revision a change is made over comes in {@code If-Match}.
     */
    public static Parsed parse(JsonNode body) {
        List<Problem> problems = new ArrayList<>();
        if (body == null || !body.isObject()) {
            return new Parsed(null, List.of(new Problem("", "settings must be a JSON object")));
        }
        body.fieldNames().forEachRemaining(name -> {
            if (!FIELDS.contains(name)) {
                problems.add(new Problem(name, "is not a setting (settings: " + String.join(", ", FIELDS.stream()
                        .filter(f -> !f.equals("revision")).sorted().toList()) + ")"));
            }
        });
        String sender = text(body, "senderName", "senderName", problems);
        if (sender != null && !SmsMessage.isValidSender(sender)) {
            problems.add(new Problem("senderName", "must be 2-11 letters A-Z or digits, starting with a letter"
                    + " (what operators show as an SMS sender)"));
        }
        String quiet = text(body, "quietHours", "quietHours", problems);
        if (quiet != null) {
            try {
                QuietHours.parse(quiet);
            } catch (IllegalArgumentException e) {
                problems.add(new Problem("quietHours", "must be HH:mm-HH:mm with the start before the end,"
                        + " e.g. 08:00-21:00"));
            }
        }
        Map<SendChannel, FrequencyCap> caps = caps(body.get("frequencyCaps"), problems);
        JsonNode branding = object(body, "branding", problems);
        String colour = null;
        String logo = null;
        String displayName = null;
        if (branding != null) {
            known(branding, "branding", Set.of("colour", "logo", "displayName"), problems);
            colour = text(branding, "colour", "branding.colour", problems);
            if (colour != null) {
                if (!COLOUR.matcher(colour).matches()) {
                    problems.add(new Problem("branding.colour", "must be a colour #rrggbb"));
                    colour = null;
                } else if (Contrast.ratio(colour, PAGE_WHITE) < Contrast.TEXT_MINIMUM) {
                    problems.add(new Problem("branding.colour", String.format(java.util.Locale.ROOT,
                            "has a contrast of %.2f:1 with the white text and page it is used with; at least 4.5:1"
                                    + " is needed (WCAG AA): choose a darker colour",
                            Contrast.ratio(colour, PAGE_WHITE))));
                }
            }
            logo = text(branding, "logo", "branding.logo", problems);
            if (logo != null && !LOGO.matcher(logo).matches()) {
                problems.add(new Problem("branding.logo", "must be a data:image/png|jpeg|svg+xml;base64 URI of at"
                        + " most 200,000 characters"));
            }
            displayName = text(branding, "displayName", "branding.displayName", problems);
            if (displayName != null && (displayName.isBlank() || displayName.length() > 80)) {
                problems.add(new Problem("branding.displayName", "must be 1-80 characters"));
            }
        }
        Integer validDays = whole(body, "landingLinkValidDays", "landingLinkValidDays", 1, MintedLinks.MAX_VALID_DAYS,
                problems);
        String account = text(body, "giroAccount", "giroAccount", problems);
        String giro = null;
        if (account != null) {
            giro = AccountNumbers.normalised(account);
            if (giro == null) {
                problems.add(new Problem("giroAccount", "must be a Norwegian account number: 11 digits with a valid"
                        + " MOD11 check digit"));
            }
        }
        Map<SendChannel, Long> prices = prices(body.get("prices"), problems);
        Boolean bus = null;
        String publicKey = null;
        JsonNode register = object(body, "register", problems);
        if (register != null) {
            known(register, "register", Set.of("bus", "publicKey", "publicKeyId"), problems); // publicKeyId: shown by GET, ignored
            JsonNode value = register.get("bus");
            if (value != null && !value.isNull()) {
                if (value.isBoolean()) {
                    bus = value.booleanValue();
                } else {
                    problems.add(new Problem("register.bus", "must be true or false"));
                }
            }
            publicKey = text(register, "publicKey", "register.publicKey", problems);
            if (publicKey != null) {
                try {
                    RegisterPublicKey.parse(publicKey);
                    publicKey = publicKey.strip() + "\n";
                } catch (IllegalArgumentException e) {
                    problems.add(new Problem("register.publicKey", e.getMessage()));
                    publicKey = null;
                }
            }
        }
        Map<RetentionKind, Integer> retention = retention(body.get("retention"), problems);
        if (!problems.isEmpty()) {
            return new Parsed(null, List.copyOf(problems));
        }
        return new Parsed(new TenantSettings(sender, quiet == null ? null : quiet.strip(), caps, colour, logo,
                displayName, validDays, giro, prices, bus, publicKey, retention), List.of());
    }

    /** The settings in a stored tenant, as the API shows them; a stored value that does not read is left out. */
    public static TenantSettings of(StoredSettings stored) {
        Map<String, String> flat = stored.flat();
        Map<SendChannel, Long> prices = new EnumMap<>(SendChannel.class);
        for (SendChannel channel : SendChannel.values()) {
            Long price = number(flat.get(PRICE_PREFIX + channel.jsonName()));
            if (price != null) {
                prices.put(channel, price);
            }
        }
        Long days = number(flat.get(MintedLinks.VALID_DAYS_SETTING));
        String bus = flat.get(REGISTER_BUS);
        Map<RetentionKind, Integer> retention = new EnumMap<>(RetentionKind.class);
        for (RetentionKind kind : RetentionKind.values()) {
            Long kept = number(flat.get(kind.setting()));
            if (kept != null) {
                retention.put(kind, kept.intValue());
            }
        }
        return new TenantSettings(flat.get(SenderNames.SETTING), flat.get(QuietHours.SETTING), stored.frequencyCaps(),
                flat.get(BRANDING_COLOUR), flat.get(BRANDING_LOGO), flat.get(BRANDING_DISPLAY_NAME),
                days == null ? null : days.intValue(), flat.get(LetterItems.GIRO_ACCOUNT_SETTING), prices,
                bus == null ? null : Boolean.valueOf(bus.strip()), flat.get(RegisterPublicKey.SETTING), retention);
    }

    /** The flat keys these settings own: replaced as a whole, so a field left out is removed. */
    public static boolean owns(String key) {
        return key.equals(SenderNames.SETTING) || key.equals(QuietHours.SETTING) || key.equals(BRANDING_COLOUR)
                || key.equals(BRANDING_LOGO) || key.equals(BRANDING_DISPLAY_NAME)
                || key.equals(MintedLinks.VALID_DAYS_SETTING) || key.equals(LetterItems.GIRO_ACCOUNT_SETTING)
                || key.startsWith(PRICE_PREFIX) || key.equals(REGISTER_BUS) || key.equals(RegisterPublicKey.SETTING)
                || key.startsWith(RetentionKind.SETTING_PREFIX);
    }

    /** The stored form after replacing {@code current}'s settings with these: keys not owned here stay. */
    public StoredSettings replacing(StoredSettings current) {
        Map<String, String> flat = new HashMap<>();
        current.flat().forEach((key, value) -> {
            if (!owns(key)) {
                flat.put(key, value);
            }
        });
        put(flat, SenderNames.SETTING, senderName);
        put(flat, QuietHours.SETTING, quietHours);
        put(flat, BRANDING_COLOUR, brandingColour);
        put(flat, BRANDING_LOGO, brandingLogo);
        put(flat, BRANDING_DISPLAY_NAME, displayName);
        put(flat, MintedLinks.VALID_DAYS_SETTING, landingLinkValidDays == null ? null : landingLinkValidDays.toString());
        put(flat, LetterItems.GIRO_ACCOUNT_SETTING, giroAccount);
        prices.forEach((channel, ore) -> flat.put(PRICE_PREFIX + channel.jsonName(), Long.toString(ore)));
        put(flat, REGISTER_BUS, registerBus == null ? null : registerBus.toString());
        put(flat, RegisterPublicKey.SETTING, registerPublicKey);
        retentionDays.forEach((kind, days) -> flat.put(kind.setting(), Integer.toString(days)));
        return new StoredSettings(flat, frequencyCaps, current.revision());
    }

    /** The API's JSON form (what {@link #parse} reads back), with the revision. */
    public ObjectNode toJson(long revision) {
        ObjectNode json = MAPPER.createObjectNode().put("revision", revision);
        json.put("senderName", senderName);
        json.put("quietHours", quietHours);
        ObjectNode caps = json.putObject("frequencyCaps");
        frequencyCaps.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> caps
                .putObject(e.getKey().jsonName()).put("limit", e.getValue().limit())
                .put("window", window(e.getValue().window())));
        json.putObject("branding").put("colour", brandingColour).put("logo", brandingLogo).put("displayName", displayName);
        if (landingLinkValidDays == null) {
            json.putNull("landingLinkValidDays");
        } else {
            json.put("landingLinkValidDays", landingLinkValidDays);
        }
        json.put("giroAccount", giroAccount);
        ObjectNode priceList = json.putObject("prices");
        prices.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> priceList.put(e.getKey().jsonName(), e.getValue()));
        ObjectNode register = json.putObject("register");
        if (registerBus == null) {
            register.putNull("bus");
        } else {
            register.put("bus", registerBus);
        }
        register.put("publicKey", registerPublicKey);
        if (registerPublicKey != null) {
            try {
                register.put("publicKeyId", RegisterPublicKey.parse(registerPublicKey).keyId());
            } catch (IllegalArgumentException e) {
                register.putNull("publicKeyId");
            }
        }
        // Every kind: the organisation's choice, or null where Dialog's default applies.
        ObjectNode retention = json.putObject("retention");
        for (RetentionKind kind : RetentionKind.values()) {
            Integer chosen = retentionDays.get(kind);
            if (chosen == null) {
                retention.putNull(kind.jsonName());
            } else {
                retention.put(kind.jsonName(), chosen);
            }
        }
        return json;
    }

    /** {@code P7D} for whole days, else ISO-8601 ({@code PT12H}). */
    public static String window(Duration window) {
        return window.toSeconds() % 86_400 == 0 ? "P" + window.toDays() + "D" : window.toString();
    }

    private static Map<SendChannel, FrequencyCap> caps(JsonNode node, List<Problem> problems) {
        Map<SendChannel, FrequencyCap> caps = new EnumMap<>(SendChannel.class);
        if (node == null || node.isNull()) {
            return caps;
        }
        if (!node.isObject()) {
            problems.add(new Problem("frequencyCaps", "must be an object by channel"));
            return caps;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String path = "frequencyCaps." + entry.getKey();
            SendChannel channel = SendChannel.fromJsonName(entry.getKey()).orElse(null);
            if (channel == null) {
                problems.add(new Problem(path, "is not a channel (" + channels() + ")"));
                continue;
            }
            JsonNode cap = entry.getValue();
            if (!cap.isObject()) {
                problems.add(new Problem(path, "must be {\"limit\": n, \"window\": \"P7D\"}"));
                continue;
            }
            known(cap, path, Set.of("limit", "window"), problems);
            Integer limit = whole(cap, "limit", path + ".limit", 1, MOST_PER_WINDOW, problems);
            if (!cap.hasNonNull("limit") && problems.stream().noneMatch(p -> p.field().equals(path + ".limit"))) {
                problems.add(new Problem(path + ".limit", "is required"));
            }
            Duration window = null;
            String text = text(cap, "window", path + ".window", problems);
            if (text == null) {
                problems.add(new Problem(path + ".window", "is required"));
            } else {
                try {
                    window = Duration.parse(text);
                    if (window.compareTo(SHORTEST_WINDOW) < 0 || window.compareTo(LONGEST_WINDOW) > 0) {
                        problems.add(new Problem(path + ".window", "must be from PT1H to P365D"));
                        window = null;
                    }
                } catch (DateTimeParseException e) {
                    problems.add(new Problem(path + ".window", "must be an ISO-8601 duration such as P7D or PT12H"));
                }
            }
            if (limit != null && window != null) {
                caps.put(channel, new FrequencyCap(limit, window));
            }
        }
        return caps;
    }

    private static Map<RetentionKind, Integer> retention(JsonNode node, List<Problem> problems) {
        Map<RetentionKind, Integer> retention = new EnumMap<>(RetentionKind.class);
        if (node == null || node.isNull()) {
            return retention;
        }
        if (!node.isObject()) {
            problems.add(new Problem("retention", "must be an object of days by kind of data"));
            return retention;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String path = "retention." + entry.getKey();
            RetentionKind kind = RetentionKind.fromJsonName(entry.getKey()).orElse(null);
            if (kind == null) {
                problems.add(new Problem(path, "is not a kind of data with a retention to choose ("
                        + String.join(", ", java.util.Arrays.stream(RetentionKind.values())
                                .map(RetentionKind::jsonName).toList()) + ")"));
                continue;
            }
            Integer days = whole(node, entry.getKey(), path, (int) kind.shortestDays(), (int) kind.longestDays(),
                    problems);
            if (days != null) {
                retention.put(kind, days);
            }
        }
        return retention;
    }

    private static Map<SendChannel, Long> prices(JsonNode node, List<Problem> problems) {
        Map<SendChannel, Long> prices = new EnumMap<>(SendChannel.class);
        if (node == null || node.isNull()) {
            return prices;
        }
        if (!node.isObject()) {
            problems.add(new Problem("prices", "must be an object of øre per send by channel"));
            return prices;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String path = "prices." + entry.getKey();
            SendChannel channel = SendChannel.fromJsonName(entry.getKey()).orElse(null);
            if (channel == null) {
                problems.add(new Problem(path, "is not a channel (" + channels() + ")"));
            } else if (!entry.getValue().canConvertToLong() || !entry.getValue().isIntegralNumber()
                    || entry.getValue().longValue() < 0 || entry.getValue().longValue() > HIGHEST_PRICE_ORE) {
                problems.add(new Problem(path, "must be whole øre per send, 0 to " + HIGHEST_PRICE_ORE));
            } else {
                prices.put(channel, entry.getValue().longValue());
            }
        }
        return prices;
    }

    private static String channels() {
        return String.join(", ", java.util.Arrays.stream(SendChannel.values()).map(SendChannel::jsonName).toList());
    }

    private static JsonNode object(JsonNode parent, String field, List<Problem> problems) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            problems.add(new Problem(field, "must be an object"));
            return null;
        }
        return node;
    }

    private static void known(JsonNode node, String path, Set<String> fields, List<Problem> problems) {
        node.fieldNames().forEachRemaining(name -> {
            if (!fields.contains(name)) {
                problems.add(new Problem(path + "." + name, "is not a field here (fields: "
                        + String.join(", ", fields.stream().sorted().toList()) + ")"));
            }
        });
    }

    private static String text(JsonNode parent, String field, String path, List<Problem> problems) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            problems.add(new Problem(path, "must be text"));
            return null;
        }
        return node.textValue();
    }

    private static Integer whole(JsonNode parent, String field, String path, int min, int max, List<Problem> problems) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt() || node.intValue() < min || node.intValue() > max) {
            problems.add(new Problem(path, "must be a whole number from " + min + " to " + max));
            return null;
        }
        return node.intValue();
    }

    private static Long number(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static void put(Map<String, String> flat, String key, String value) {
        if (value != null) {
            flat.put(key, value);
        }
    }
}
