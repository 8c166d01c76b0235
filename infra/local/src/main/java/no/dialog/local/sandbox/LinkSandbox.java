package no.dialog.local.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import no.dialog.core.template.SmsParts;

/**
 * LINK Mobility's SMS REST API ("Common") as a sandbox twin, mounted on the local gateway at
 * {@code /sandbox/link}: {@code POST /sandbox/link/sms/send} and {@code POST /sandbox/link/sms/sendbatch}
 * (up to 1,000 messages). It accepts what LINK accepts and answers as LINK does, and puts every accepted
 * message in the {@link Outbox} instead of on a phone.
 *
 * <ul>
 *   <li>Basic auth with an account the sandbox knows: the deployment's ({@link #USERNAME}/{@link #PASSWORD})
 *       and any an organisation has of its own, opened with {@code POST /sandbox/link/accounts}
 *       {@code {"username", "password"}} (what LINK Support does for a customer); else 401, resultCode
 *       106100. {@code GET /sandbox/link/accounts} lists each account's username and how many messages it
 *       sent, never a password.</li>
 *   <li>{@code platformId} and {@code platformPartnerId} must be the local ones (106200/106201);
 *       {@code useDeliveryReport} (default true) needs {@code deliveryReportGates} (106300), and a gate
 *       must be the local one (106301).</li>
 *   <li>{@code source} is required; with {@code sourceTON} ALPHANUMERIC (the default) 2–11 letters and
 *       digits, not starting with a digit (LINK's rule for bulk senders); SHORTNUMBER 1–14 digits; MSISDN
 *       {@code +} and digits. {@code destination} is digits with or without a leading {@code +}
 *       (E.164). {@code userData} must not be empty; {@code dcs}, if given, one of LINK's values.</li>
 *   <li>Field errors are 400 with a LINK-shaped body {@code {"resultCode":106000,"description":"..."}}
 *       whose description names the field (LINK documents no codes for them; 106000 is its "unknown
 *       error"). A batch is all or nothing, like a 400 from LINK.</li>
 *   <li>{@code ignoreResponse} defaults to true as at LINK: then 204 and no body. Otherwise 200 with
 *       {@code messageId}, {@code resultCode} 1005 "Queued", and {@code smsCount} (counted with core's
 *       {@link SmsParts}) when {@code customParameters.replySmsCount} is "true".</li>
 *   <li>With {@code useDeliveryReport}, LINK's gate posts each message's delivery report to Dialog's webhook
 *       ({@link LinkDeliveryReportGate}; destinations ending in 98 expire, in 99 fail, the rest are delivered).</li>
 * </ul>
 */
public final class LinkSandbox implements HttpHandler, AutoCloseable {

    public static final String MOUNT = "/sandbox/link";
    public static final String USERNAME = "dialog-local";
    public static final String PASSWORD = "link-sandbox";
    public static final String PLATFORM_ID = "LOCAL";
    public static final String PLATFORM_PARTNER_ID = "0";
    public static final String GATE = "LOCALGATE";
    public static final int MAX_BATCH = 1_000;

    static final int QUEUED = 1005;
    static final int UNKNOWN_ERROR = 106000;
    static final int INVALID_AUTHENTICATION = 106100;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ALPHANUMERIC = Pattern.compile("[A-Za-z][A-Za-z0-9]{1,10}");
    private static final Pattern SHORTNUMBER = Pattern.compile("[0-9]{1,14}");
    private static final Pattern MSISDN = Pattern.compile("\\+?[1-9][0-9]{6,14}");
    private static final Set<String> DCS = Set.of("GSM", "BINARY", "UCS2", "TEXT");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Outbox outbox;
    private final Clock clock;
    /** Username → the Authorization header that account sends. */
    private final Map<String, byte[]> accounts = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> sentBy = new ConcurrentHashMap<>();

    public LinkSandbox(Outbox outbox, Clock clock) {
        this(outbox, clock, null);
    }

    /**
     * @param deliveryReportsTo the gateway Dialog's webhooks are on: messages sent with {@code useDeliveryReport}
     *                          get LINK's delivery reports there ({@link LinkDeliveryReportGate}); null: none
     */
    public LinkSandbox(Outbox outbox, Clock clock, URI deliveryReportsTo) {
        this.outbox = outbox;
        this.clock = clock;
        this.reports = deliveryReportsTo == null ? null : new LinkDeliveryReportGate(deliveryReportsTo, clock);
        openAccount(USERNAME, PASSWORD);
    }

    private final LinkDeliveryReportGate reports;

    @Override
    public void close() {
        if (reports != null) {
            reports.close();
        }
    }

    /** An account of the sandbox, as LINK Support opens one for a customer; the same username replaces it. */
    public void openAccount(String username, String password) {
        accounts.put(username, basic(username, password));
        sentBy.putIfAbsent(username, new AtomicLong());
    }

    /** How many messages the account's requests had accepted. */
    public long sentBy(String username) {
        AtomicLong sent = sentBy.get(username);
        return sent == null ? 0 : sent.get();
    }

    private static byte[] basic(String username, String password) {
        return ("Basic " + Base64.getEncoder().encodeToString((username + ":" + password)
                .getBytes(StandardCharsets.UTF_8))).getBytes(StandardCharsets.UTF_8);
    }

    /** The template parameters that point the SMS sender at this sandbox on a gateway at {@code gatewayBase}. */
    public static Map<String, String> templateParameters(URI gatewayBase) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("LinkBaseUrl", gatewayBase.resolve(MOUNT).toString());
        parameters.put("LinkUsername", USERNAME);
        parameters.put("LinkPlatformId", PLATFORM_ID);
        parameters.put("LinkPlatformPartnerId", PLATFORM_PARTNER_ID);
        parameters.put("LinkGate", GATE);
        // The sandbox has no rate of its own: the local stack and the benchmark measure Dialog, not a limit.
        parameters.put("LinkMaxPerSecond", "0");
        return parameters;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath().substring(MOUNT.length());
        if (path.equals("/accounts")) {
            accounts(exchange);
            return;
        }
        boolean batch = path.equals("/sms/sendbatch");
        if (!batch && !path.equals("/sms/send")) {
            error(exchange, 404, UNKNOWN_ERROR, "no such LINK endpoint: use /sms/send or /sms/sendbatch");
            return;
        }
        if (!"POST".equals(exchange.getRequestMethod())) {
            error(exchange, 405, UNKNOWN_ERROR, "use POST");
            return;
        }
        String account = authorizedAccount(exchange);
        if (account == null) {
            error(exchange, 401, INVALID_AUTHENTICATION, "Invalid authentication. Please check your username and password.");
            return;
        }
        JsonNode body;
        try (InputStream in = exchange.getRequestBody()) {
            body = JSON.readTree(in.readNBytes(16 * 1024 * 1024));
        } catch (IOException e) {
            error(exchange, 400, UNKNOWN_ERROR, "the body is not JSON");
            return;
        }
        try {
            if (batch) {
                sendBatch(exchange, body, account);
            } else {
                sendOne(exchange, body, account);
            }
        } catch (Refused refused) {
            error(exchange, refused.status, refused.resultCode, refused.getMessage());
        }
    }

    private void sendOne(HttpExchange exchange, JsonNode body, String account) throws IOException {
        requireObject(body, "body");
        checkAccount(body);
        Accepted accepted = validate(body, "");
        ObjectNode answer = record(accepted, replySmsCount(body), account, wantsReports(body));
        reply(exchange, body, answer);
    }

    private void sendBatch(HttpExchange exchange, JsonNode body, String account) throws IOException {
        requireObject(body, "body");
        checkAccount(body);
        JsonNode messages = body.path("sendRequestMessages");
        if (!messages.isArray() || messages.isEmpty()) {
            throw new Refused(400, UNKNOWN_ERROR, "sendRequestMessages: 1 to " + MAX_BATCH + " messages are required");
        }
        if (messages.size() > MAX_BATCH) {
            throw new Refused(400, UNKNOWN_ERROR, "sendRequestMessages: at most " + MAX_BATCH + " messages, got "
                    + messages.size());
        }
        List<Accepted> accepted = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            String where = "sendRequestMessages[" + i + "].";
            requireObject(messages.get(i), where);
            accepted.add(validate(messages.get(i), where));
        }
        ArrayNode answers = JSON.createArrayNode();
        boolean count = replySmsCount(body);
        for (int i = 0; i < accepted.size(); i++) {
            ObjectNode answer = record(accepted.get(i), count || replySmsCount(messages.get(i)), account,
                    wantsReports(body));
            answer.put("refId", accepted.get(i).refId());
            answer.remove("description");
            answer.put("message", "Queued");
            answers.add(answer);
        }
        reply(exchange, body, answers);
    }

    private static void checkAccount(JsonNode body) {
        if (!PLATFORM_ID.equals(body.path("platformId").asText(null))) {
            throw new Refused(400, 106200, "Invalid or missing platformId. Please check your platformId.");
        }
        if (!PLATFORM_PARTNER_ID.equals(body.path("platformPartnerId").asText(null))) {
            throw new Refused(400, 106201, "Invalid or missing platformPartnerId. Please check your platformPartnerId.");
        }
        if (body.path("useDeliveryReport").asBoolean(true)) {
            JsonNode gates = body.path("deliveryReportGates");
            if (!gates.isArray() || gates.isEmpty()) {
                throw new Refused(400, 106300, "No gates available: give deliveryReportGates or set useDeliveryReport"
                        + " to false.");
            }
            for (JsonNode gate : gates) {
                if (!GATE.equals(gate.asText())) {
                    throw new Refused(400, 106301, "Specified gate not available. Please check your gateId.");
                }
            }
        }
    }

    private static Accepted validate(JsonNode message, String where) {
        String source = text(message, "source");
        if (source == null || source.isEmpty()) {
            throw new Refused(400, UNKNOWN_ERROR, where + "source is required");
        }
        String sourceTon = message.path("sourceTON").asText("ALPHANUMERIC");
        switch (sourceTon) {
            case "ALPHANUMERIC" -> {
                if (source.length() > 11) {
                    throw new Refused(400, UNKNOWN_ERROR, where + "source: an ALPHANUMERIC sender has at most 11"
                            + " characters, got " + source.length());
                }
                if (!ALPHANUMERIC.matcher(source).matches()) {
                    throw new Refused(400, UNKNOWN_ERROR, where + "source: an ALPHANUMERIC sender is 2-11 letters"
                            + " a-z, A-Z or digits, starting with a letter");
                }
            }
            case "SHORTNUMBER" -> require(SHORTNUMBER, source, where + "source: a SHORTNUMBER is 1-14 digits");
            case "MSISDN" -> {
                if (!source.startsWith("+")) {
                    throw new Refused(400, UNKNOWN_ERROR, where + "source: an MSISDN starts with +");
                }
                require(MSISDN, source, where + "source: an MSISDN is + and 7-15 digits");
            }
            default -> throw new Refused(400, UNKNOWN_ERROR, where + "sourceTON must be ALPHANUMERIC, SHORTNUMBER or MSISDN");
        }
        String destination = text(message, "destination");
        if (destination == null || destination.isEmpty()) {
            throw new Refused(400, UNKNOWN_ERROR, where + "destination is required");
        }
        String destinationTon = message.path("destinationTON").asText("MSISDN");
        if (!"MSISDN".equals(destinationTon)) {
            throw new Refused(400, UNKNOWN_ERROR, where + "destinationTON: the sandbox delivers to MSISDN only");
        }
        require(MSISDN, destination, where + "destination must be a phone number in E.164 (+ and 7-15 digits)");
        String userData = text(message, "userData");
        if (userData == null || userData.isEmpty()) {
            throw new Refused(400, UNKNOWN_ERROR, where + "userData must not be empty");
        }
        if (message.has("dcs") && !DCS.contains(message.path("dcs").asText())) {
            throw new Refused(400, UNKNOWN_ERROR, where + "dcs must be one of GSM, BINARY, UCS2, TEXT");
        }
        String normalised = destination.startsWith("+") ? destination : "+" + destination;
        return new Accepted(source, normalised, userData, text(message, "refId"));
    }

    private static boolean wantsReports(JsonNode body) {
        return body.path("useDeliveryReport").asBoolean(true);
    }

    private ObjectNode record(Accepted message, boolean withSmsCount, String account, boolean report) {
        sentBy.get(account).incrementAndGet();
        SmsParts parts = SmsParts.of(message.userData());
        String messageId = newMessageId();
        String refId = message.refId();
        int colon = refId == null ? -1 : refId.indexOf(':');
        outbox.add(new OutboxMessage(colon > 0 ? refId.substring(0, colon) : null, "sms", message.destination(),
                message.source(), message.userData(), parts.parts(), parts.encoding().name(), refId, messageId,
                clock.instant()));
        if (report && reports != null) {
            reports.accepted(refId, messageId, message.destination(), parts.parts());
        }
        ObjectNode answer = JSON.createObjectNode();
        answer.put("messageId", messageId);
        answer.put("resultCode", QUEUED);
        answer.put("description", "Queued");
        if (withSmsCount) {
            answer.put("smsCount", parts.parts());
        }
        return answer;
    }

    private static void reply(HttpExchange exchange, JsonNode request, JsonNode answer) throws IOException {
        if (request.path("ignoreResponse").asBoolean(true)) {
            exchange.sendResponseHeaders(204, -1);
            return;
        }
        send(exchange, 200, answer);
    }

    private static boolean replySmsCount(JsonNode node) {
        return node.path("customParameters").path("replySmsCount").asText("").toLowerCase(Locale.ROOT).equals("true");
    }

    /** The account whose credentials the request carries, or null. */
    private String authorizedAccount(HttpExchange exchange) {
        String given = exchange.getRequestHeaders().getFirst("Authorization");
        if (given == null) {
            return null;
        }
        byte[] bytes = given.getBytes(StandardCharsets.UTF_8);
        for (Map.Entry<String, byte[]> account : accounts.entrySet()) {
            if (MessageDigest.isEqual(account.getValue(), bytes)) {
                return account.getKey();
            }
        }
        return null;
    }

    /** {@code POST} opens an account, {@code GET} lists them with their counts (no passwords). */
    private void accounts(HttpExchange exchange) throws IOException {
        if ("GET".equals(exchange.getRequestMethod())) {
            ArrayNode list = JSON.createArrayNode();
            accounts.keySet().stream().sorted().forEach(username -> list.addObject().put("username", username)
                    .put("sent", sentBy(username)));
            send(exchange, 200, list);
            return;
        }
        if (!"POST".equals(exchange.getRequestMethod())) {
            error(exchange, 405, UNKNOWN_ERROR, "use GET or POST");
            return;
        }
        JsonNode body;
        try (InputStream in = exchange.getRequestBody()) {
            body = JSON.readTree(in.readNBytes(16 * 1024));
        } catch (IOException e) {
            error(exchange, 400, UNKNOWN_ERROR, "the body is not JSON");
            return;
        }
        String username = body == null ? "" : body.path("username").asText("");
        String password = body == null ? "" : body.path("password").asText("");
        if (username.isBlank() || password.isBlank() || username.contains(":")) {
            error(exchange, 400, UNKNOWN_ERROR, "username (without ':') and password are required");
            return;
        }
        openAccount(username, password);
        ObjectNode answer = JSON.createObjectNode().put("username", username).put("sent", sentBy(username));
        send(exchange, 201, answer);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static void require(Pattern pattern, String value, String problem) {
        if (!pattern.matcher(value).matches()) {
            throw new Refused(400, UNKNOWN_ERROR, problem);
        }
    }

    private static void requireObject(JsonNode node, String where) {
        if (node == null || !node.isObject()) {
            throw new Refused(400, UNKNOWN_ERROR, where + " must be a JSON object");
        }
    }

    private static String newMessageId() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static void error(HttpExchange exchange, int status, int resultCode, String description) throws IOException {
        ObjectNode body = JSON.createObjectNode();
        body.put("resultCode", resultCode);
        body.put("description", description);
        send(exchange, status, body);
    }

    private static void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private record Accepted(String source, String destination, String userData, String refId) {}

    /** A request LINK would refuse: its status, resultCode and description. */
    private static final class Refused extends RuntimeException {
        final int status;
        final int resultCode;

        Refused(int status, int resultCode, String description) {
            super(description);
            this.status = status;
            this.resultCode = resultCode;
        }
    }
}
