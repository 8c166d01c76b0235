package no.dialog.local.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Make's subscribers API (docs/providers/make.md) as a sandbox twin, mounted on the local gateway at
 * {@code /sandbox/make} (the base URL the sender gets; Make's is {@code .../api/public/v2}). One account,
 * {@link #USER_ID}/{@link #API_KEY}, with two lists: {@value #NEWSLETTER_LIST} "Nyhetsbrev" and
 * {@value #MEMBER_NEWS_LIST} "Medlemsnytt".
 *
 * <ul>
 *   <li>{@code GET /subscriberlists}: the lists with their subscriber counts.</li>
 *   <li>{@code POST /subscribers/by_email {"email"}}: the subscriber (200) or 404
 *       {@code {"status":"404 Not Found","message":"Subscriber not found"}}.</li>
 *   <li>{@code POST /subscribers?subscriber_list_id[]=<id>} (or {@code subscriber_list_id=<id>}): creates
 *       the subscriber or updates them by e-mail address and adds them to the lists; answers the subscriber
 *       with {@code "status":"200 Success"}. 422 when {@code email} is missing or invalid, a field is
 *       unknown (known: email, firstname, lastname, phone, external_id, tags, and upper-case custom
 *       field keys), no list is given, or the consent field {@value #CONSENT_FIELD} is empty (Make requires
 *       consent); 404 when a list does not exist. A subscriber whose e-mail status is
 *       {@code unsubscribed} stays unsubscribed.</li>
 *   <li>Basic auth, else 401 {@code {"status":"401 Unauthorized","message":"Invalid credentials"}}.</li>
 * </ul>
 * Every subscription shows in the {@link Outbox} as channel {@code newsletter}: the address as recipient,
 * the list as sender, and the result, names and consent as text. Make's API carries no tenant, so the
 * outbox entry has none.
 */
public final class MakeSandbox implements HttpHandler {

    public static final String MOUNT = "/sandbox/make";
    public static final String USER_ID = "4242";
    public static final String API_KEY = "make-sandbox";
    public static final long NEWSLETTER_LIST = 1466;
    public static final long MEMBER_NEWS_LIST = 1468;
    static final String CONSENT_FIELD = "SAMTYKKEEPOST";

    private static final Set<String> KNOWN = Set.of("email", "firstname", "lastname", "phone", "external_id", "tags");
    private static final Pattern CUSTOM_FIELD = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern LIST_ID = Pattern.compile("[1-9][0-9]{0,11}");

    private final Outbox outbox;
    private final Clock clock;
    private final String expectedAuthorization = SandboxHttp.basic(USER_ID, API_KEY);
    private final Map<Long, String> lists = new TreeMap<>(Map.of(NEWSLETTER_LIST, "Nyhetsbrev",
            MEMBER_NEWS_LIST, "Medlemsnytt"));
    private final Map<String, ObjectNode> subscribers = new LinkedHashMap<>();
    private long nextId = 88_000;

    public MakeSandbox(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    /** The template parameters that point the newsletter sender at this sandbox on a gateway at {@code gatewayBase}. */
    public static Map<String, String> templateParameters(URI gatewayBase) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("MakeBaseUrl", gatewayBase.resolve(MOUNT).toString());
        parameters.put("MakeUserId", USER_ID);
        parameters.put("MakeConsentField", CONSENT_FIELD);
        return parameters;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath().substring(MOUNT.length());
        String method = exchange.getRequestMethod();
        if (!SandboxHttp.authorized(exchange, expectedAuthorization)) {
            error(exchange, 401, "401 Unauthorized", "Invalid credentials");
            return;
        }
        if (path.equals("/subscriberlists") && "GET".equals(method)) {
            SandboxHttp.send(exchange, 200, lists());
        } else if (path.equals("/subscribers/by_email") && "POST".equals(method)) {
            byEmail(exchange, SandboxHttp.json(SandboxHttp.body(exchange)));
        } else if (path.equals("/subscribers") && "POST".equals(method)) {
            subscribe(exchange, SandboxHttp.json(SandboxHttp.body(exchange)), SandboxHttp.query(exchange));
        } else {
            error(exchange, 404, "404 Not Found", "no such endpoint in the Make sandbox");
        }
    }

    private synchronized ArrayNode lists() {
        ArrayNode answer = SandboxHttp.JSON.createArrayNode();
        lists.forEach((id, title) -> {
            long members = subscribers.values().stream().filter(s -> onList(s, id)).count();
            answer.addObject().put("id", id).put("title", title).put("subscriber_emails", members).put("subscriber_sms", 0);
        });
        return answer;
    }

    private void byEmail(HttpExchange exchange, JsonNode body) throws IOException {
        if (body == null || !body.path("email").isTextual()) {
            error(exchange, 422, "422 Unprocessable Entity", "email is required");
            return;
        }
        ObjectNode found;
        synchronized (this) {
            ObjectNode known = subscribers.get(body.get("email").asText().strip().toLowerCase(Locale.ROOT));
            found = known == null ? null : known.deepCopy();
        }
        if (found == null) {
            error(exchange, 404, "404 Not Found", "Subscriber not found");
            return;
        }
        SandboxHttp.send(exchange, 200, found);
    }

    private void subscribe(HttpExchange exchange, JsonNode body, Map<String, List<String>> query) throws IOException {
        String problem = problem(body);
        if (problem != null) {
            error(exchange, 422, "422 Unprocessable Entity", problem);
            return;
        }
        Set<Long> listIds = new LinkedHashSet<>();
        for (String name : new String[] {"subscriber_list_id[]", "subscriber_list_id"}) {
            for (String value : query.getOrDefault(name, List.of())) {
                if (!LIST_ID.matcher(value).matches()) {
                    error(exchange, 422, "422 Unprocessable Entity", "subscriber_list_id must be a list id");
                    return;
                }
                listIds.add(Long.parseLong(value));
            }
        }
        if (listIds.isEmpty()) {
            error(exchange, 422, "422 Unprocessable Entity", "subscriber_list_id is required");
            return;
        }
        for (Long id : listIds) {
            if (!lists.containsKey(id)) {
                error(exchange, 404, "404 Not Found", "List " + id + " not found");
                return;
            }
        }
        ObjectNode answer;
        String result;
        synchronized (this) {
            String key = body.get("email").asText().strip().toLowerCase(Locale.ROOT);
            ObjectNode subscriber = subscribers.get(key);
            Instant now = clock.instant();
            if (subscriber == null) {
                subscriber = SandboxHttp.JSON.createObjectNode();
                subscriber.put("id", nextId++);
                subscriber.putArray("lists");
                subscriber.put("email_status", "active");
                subscriber.put("date_created", now.toString());
                subscribers.put(key, subscriber);
                result = "added";
            } else {
                result = listIds.stream().allMatch(id -> onList(subscribers.get(key), id)) ? "already subscribed" : "updated";
            }
            for (Iterator<Map.Entry<String, JsonNode>> fields = body.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                subscriber.set(field.getKey(), field.getValue());
            }
            ArrayNode onLists = (ArrayNode) subscriber.get("lists");
            for (Long id : listIds) {
                if (!onList(subscriber, id)) {
                    onLists.add(id);
                }
            }
            subscriber.put("date_updated", now.toString());
            answer = subscriber.deepCopy();
            answer.put("status", "200 Success");
        }
        for (Long id : listIds) {
            outbox.add(new OutboxMessage(null, "newsletter", answer.get("email").asText(),
                    "Make list " + id + " (" + lists.get(id) + ")", result + ": " + describe(answer), 1, null,
                    null, answer.get("id").asText(), clock.instant()));
        }
        SandboxHttp.send(exchange, 200, answer);
    }

    private static String describe(JsonNode subscriber) {
        StringBuilder text = new StringBuilder();
        text.append(subscriber.path("firstname").asText("")).append(' ').append(subscriber.path("lastname").asText(""));
        text.append(", external_id ").append(subscriber.path("external_id").asText("-"));
        text.append(", e-mail status ").append(subscriber.path("email_status").asText());
        text.append(", consent ").append(subscriber.path(CONSENT_FIELD).asText("-"));
        return text.toString().strip();
    }

    private static boolean onList(JsonNode subscriber, long id) {
        for (JsonNode list : subscriber.path("lists")) {
            if (list.asLong() == id) {
                return true;
            }
        }
        return false;
    }

    static String problem(JsonNode body) {
        if (body == null || !body.isObject()) {
            return "the body must be a JSON object";
        }
        if (!body.path("email").isTextual() || !EMAIL.matcher(body.get("email").asText().strip()).matches()) {
            return "email is required and must be an e-mail address";
        }
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!KNOWN.contains(name) && !CUSTOM_FIELD.matcher(name).matches()) {
                return name + " is not a subscriber field";
            }
        }
        if (!body.path(CONSENT_FIELD).isTextual() || body.get(CONSENT_FIELD).asText().isBlank()) {
            return CONSENT_FIELD + " (consent) is required";
        }
        return null;
    }

    private static void error(HttpExchange exchange, int status, String statusText, String message) throws IOException {
        SandboxHttp.send(exchange, status, SandboxHttp.JSON.createObjectNode().put("status", statusText)
                .put("message", message));
    }
}
