package no.dialog.local.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import no.dialog.core.contact.EmailAddresses;
import no.dialog.core.send.email.EmailTags;
import no.dialog.local.bus.LocalEventBus;
import no.dialog.local.bus.PutEventsEntry;
import no.dialog.local.template.Arns;
import no.dialog.local.template.PseudoParameters;

/**
 * Amazon SES API v2 {@code SendEmail} as a sandbox twin, mounted on the local gateway at
 * {@code /sandbox/ses}: {@code POST /sandbox/ses/v2/email/outbound-emails}. It takes what SES takes,
 * answers as SES does, puts each accepted e-mail in the {@link Outbox} (channel {@code email}) and, when
 * the request names a configuration set, publishes SES's {@code Email Sent} and {@code Email Delivered}
 * events ({@code source: aws.ses}, detail in SES's event format with {@code mail.messageId} and
 * {@code mail.tags}) to the local default bus, as a configuration set with an EventBridge destination does.
 *
 * <ul>
 *   <li>A SigV4 {@code Authorization} header for the service {@code ses}; else 403
 *       {@code IncompleteSignatureException}.</li>
 *   <li>{@code Content}: exactly one of {@code Simple} (needs {@code Subject.Data} and a {@code Body} with
 *       {@code Text} or {@code Html}; at most 15 {@code Headers}, none SES reserves) or {@code Raw}
 *       ({@code Data}, base64 of a MIME message of at most 40 MB); {@code Template} is refused (the sandbox
 *       keeps no templates).</li>
 *   <li>{@code FromEmailAddress} (required for Simple): an address or {@code Name <address>}, a non-ASCII
 *       name MIME-encoded. Verified identities: every domain under {@code .local}, {@code .test} and
 *       {@code .example}; another sender is {@code MessageRejected} "Email address is not verified".</li>
 *   <li>{@code Destination}: 1–50 addresses in To, Cc and Bcc together (Raw may take them from its
 *       headers); {@code ReplyToAddresses} valid addresses.</li>
 *   <li>{@code EmailTags}: at most 50, unique names; names {@code [A-Za-z0-9_-]}, values
 *       {@code [A-Za-z0-9_.@-]}, each 1–256 characters.</li>
 *   <li>{@code ConfigurationSetName}: one of the template's sets; else 404 {@code NotFoundException}.</li>
 *   <li>Errors: the status, {@code x-amzn-ErrorType} and {@code {"message": ...}}, as SES answers.</li>
 * </ul>
 * {@code GET /sandbox/ses/outbox/<MessageId>} shows an accepted e-mail's HTML, sandboxed (no scripts).
 */
public final class SesSandbox implements HttpHandler {

    public static final String MOUNT = "/sandbox/ses";
    public static final int MAX_RECIPIENTS = 50;
    public static final int MAX_TAGS = 50;
    public static final int MAX_HEADERS = 15;
    public static final int MAX_RAW_BYTES = 40 * 1024 * 1024;

    private static final String SEND_PATH = "/v2/email/outbound-emails";
    private static final String OUTBOX_PATH = "/outbox/";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern TAG_NAME = Pattern.compile("[A-Za-z0-9_-]{1,256}");
    private static final Pattern TAG_VALUE = Pattern.compile("[A-Za-z0-9_.@-]{1,256}");
    private static final Pattern HEADER_NAME = Pattern.compile("[!-9;-~]{1,126}");
    private static final Set<String> RESERVED_HEADERS = Set.of("from", "to", "cc", "bcc", "subject", "reply-to",
            "return-path", "message-id", "date", "content-type", "content-transfer-encoding", "mime-version",
            "dkim-signature", "x-ses-configuration-set", "x-ses-message-tags");
    private static final List<String> VERIFIED_SUFFIXES = List.of(".local", ".test", ".example");

    private final Outbox outbox;
    private final LocalEventBus bus;
    private final Clock clock;
    private final Set<String> configurationSets;

    /** @param configurationSets the names of the template's {@code AWS::SES::ConfigurationSet}s */
    public SesSandbox(Outbox outbox, LocalEventBus bus, Clock clock, Set<String> configurationSets) {
        this.outbox = outbox;
        this.bus = bus;
        this.clock = clock;
        this.configurationSets = Set.copyOf(configurationSets);
    }

    /**
     * The template parameters that point the e-mail sender at this sandbox on a gateway at
     * {@code gatewayBase}, with unsubscribe links to the same gateway.
     */
    public static Map<String, String> templateParameters(URI gatewayBase) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("EmailTransport", "ses");
        parameters.put("SesEndpoint", gatewayBase.resolve(MOUNT).toString());
        String base = gatewayBase.toString();
        parameters.put("PublicBaseUrl", base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
        return parameters;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath().substring(MOUNT.length());
        if (path.startsWith(OUTBOX_PATH) && "GET".equals(exchange.getRequestMethod())) {
            showHtml(exchange, path.substring(OUTBOX_PATH.length()));
            return;
        }
        try {
            if (!path.equals(SEND_PATH)) {
                throw new Refused(404, "NotFoundException", "no such SES v2 operation in the sandbox: use POST " + SEND_PATH);
            }
            if (!"POST".equals(exchange.getRequestMethod())) {
                throw new Refused(405, "MethodNotAllowedException", "use POST");
            }
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            if (authorization == null || !authorization.startsWith("AWS4-HMAC-SHA256 ")
                    || !authorization.contains("/ses/aws4_request")) {
                throw new Refused(403, "IncompleteSignatureException", "Request must be signed with SigV4 for ses");
            }
            JsonNode body;
            try (InputStream in = exchange.getRequestBody()) {
                body = JSON.readTree(in.readNBytes(MAX_RAW_BYTES * 2));
            } catch (IOException e) {
                throw new Refused(400, "SerializationException", "the body is not JSON");
            }
            if (body == null || !body.isObject()) {
                throw new Refused(400, "SerializationException", "the body must be a JSON object");
            }
            String messageId = accept(body);
            ObjectNode answer = JSON.createObjectNode().put("MessageId", messageId);
            send(exchange, 200, answer, null);
        } catch (Refused refused) {
            send(exchange, refused.status, JSON.createObjectNode().put("message", refused.getMessage()), refused.type);
        }
    }

    private String accept(JsonNode body) {
        JsonNode content = body.path("Content");
        if (!content.isObject()) {
            throw badRequest("Content is required");
        }
        int kinds = (content.has("Simple") ? 1 : 0) + (content.has("Raw") ? 1 : 0) + (content.has("Template") ? 1 : 0);
        if (kinds != 1) {
            throw badRequest("Content must have exactly one of Simple, Raw or Template");
        }
        if (content.has("Template")) {
            throw new Refused(404, "NotFoundException", "Template does not exist: the sandbox keeps no templates");
        }
        Email email = content.has("Simple") ? simple(content.get("Simple")) : raw(content.get("Raw"));

        String fromHeader = text(body, "FromEmailAddress");
        if (fromHeader == null) {
            fromHeader = email.from;
        }
        if (fromHeader == null) {
            throw badRequest("FromEmailAddress is required");
        }
        InternetAddress from = mailbox(fromHeader, "FromEmailAddress");
        List<String> to = addresses(body.path("Destination"), "ToAddresses");
        List<String> all = new ArrayList<>(to);
        all.addAll(addresses(body.path("Destination"), "CcAddresses"));
        all.addAll(addresses(body.path("Destination"), "BccAddresses"));
        if (all.isEmpty()) {
            all.addAll(email.recipients);
            to = email.recipients;
        }
        if (all.isEmpty()) {
            throw badRequest("Destination must have at least one address");
        }
        if (all.size() > MAX_RECIPIENTS) {
            throw new Refused(400, "MessageRejected", "Recipient count exceeds " + MAX_RECIPIENTS);
        }
        addresses(body, "ReplyToAddresses");
        Map<String, String> tags = tags(body.path("EmailTags"));
        String configurationSet = text(body, "ConfigurationSetName");
        if (configurationSet != null && !configurationSets.contains(configurationSet)) {
            throw new Refused(404, "NotFoundException", "Configuration set <" + configurationSet + "> does not exist.");
        }
        if (!verified(from.getAddress())) {
            throw new Refused(400, "MessageRejected", "Email address is not verified. The following identities failed"
                    + " the check in region " + PseudoParameters.REGION.toUpperCase(Locale.ROOT) + ": "
                    + from.getAddress());
        }

        String messageId = String.format("%016x-%s-000000", clock.millis(), UUID.randomUUID());
        Instant now = clock.instant();
        String key = EmailTags.decodeKey(tags.get(EmailTags.KEY)).orElse(null);
        outbox.add(new OutboxMessage(tags.get(EmailTags.TENANT), "email", String.join(", ", to), fromHeader,
                email.text, 1, null, key, messageId, now, email.subject, email.html));
        if (configurationSet != null) {
            publish(messageId, now, fromHeader, from.getAddress(), all, email.subject, tags, configurationSet);
        }
        return messageId;
    }

    private Email simple(JsonNode simple) {
        if (!simple.isObject()) {
            throw badRequest("Content.Simple must be an object");
        }
        String subject = text(simple.path("Subject"), "Data");
        if (subject == null) {
            throw badRequest("Content.Simple.Subject.Data is required");
        }
        charset(simple.path("Subject"), "Content.Simple.Subject");
        JsonNode body = simple.path("Body");
        String text = text(body.path("Text"), "Data");
        String html = text(body.path("Html"), "Data");
        if (text == null && html == null) {
            throw badRequest("Content.Simple.Body must have Text or Html");
        }
        charset(body.path("Text"), "Content.Simple.Body.Text");
        charset(body.path("Html"), "Content.Simple.Body.Html");
        JsonNode headers = simple.path("Headers");
        if (!headers.isMissingNode()) {
            if (!headers.isArray() || headers.size() > MAX_HEADERS) {
                throw badRequest("Content.Simple.Headers must be a list of at most " + MAX_HEADERS);
            }
            Set<String> names = new HashSet<>();
            for (JsonNode header : headers) {
                String name = text(header, "Name");
                String value = text(header, "Value");
                if (name == null || !HEADER_NAME.matcher(name).matches() || value == null || value.length() > 870
                        || value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
                    throw badRequest("Content.Simple.Headers: each needs a Name (printable ASCII, no ':') and a"
                            + " one-line Value of at most 870 characters");
                }
                if (RESERVED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                    throw badRequest("Content.Simple.Headers: " + name + " cannot be set as a header");
                }
                if (!names.add(name.toLowerCase(Locale.ROOT))) {
                    throw badRequest("Content.Simple.Headers: " + name + " is given twice");
                }
            }
        }
        return new Email(subject, text, html, null, List.of());
    }

    private Email raw(JsonNode raw) {
        String data = text(raw, "Data");
        if (data == null) {
            throw badRequest("Content.Raw.Data is required");
        }
        byte[] bytes;
        try {
            bytes = Base64.getMimeDecoder().decode(data);
        } catch (IllegalArgumentException e) {
            throw badRequest("Content.Raw.Data must be base64");
        }
        if (bytes.length > MAX_RAW_BYTES) {
            throw new Refused(400, "MessageRejected", "Message length is more than 40 MB");
        }
        try {
            MimeMessage mime = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(bytes));
            String from = mime.getHeader("From", ",");
            List<String> recipients = new ArrayList<>();
            if (mime.getAllRecipients() != null) {
                for (jakarta.mail.Address address : mime.getAllRecipients()) {
                    recipients.add(((InternetAddress) address).getAddress());
                }
            }
            String[] parts = new String[2];
            collect(mime, parts);
            if (parts[0] == null && parts[1] == null) {
                throw new Refused(400, "MessageRejected", "Raw message has no text or HTML part");
            }
            return new Email(mime.getSubject(), parts[0], parts[1], from, recipients);
        } catch (MessagingException | IOException e) {
            throw new Refused(400, "MessageRejected", "Raw message is not valid MIME (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** The first text/plain and text/html parts, anywhere in the message. */
    private static void collect(Part part, String[] found) throws MessagingException, IOException {
        if (part.isMimeType("text/plain") && found[0] == null) {
            found[0] = (String) part.getContent();
        } else if (part.isMimeType("text/html") && found[1] == null) {
            found[1] = (String) part.getContent();
        } else if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                collect(child, found);
            }
        }
    }

    private static Map<String, String> tags(JsonNode tags) {
        Map<String, String> found = new LinkedHashMap<>();
        if (tags.isMissingNode() || tags.isNull()) {
            return found;
        }
        if (!tags.isArray() || tags.size() > MAX_TAGS) {
            throw badRequest("EmailTags must be a list of at most " + MAX_TAGS);
        }
        for (JsonNode tag : tags) {
            String name = text(tag, "Name");
            String value = text(tag, "Value");
            if (name == null || !TAG_NAME.matcher(name).matches()) {
                throw badRequest("EmailTags: a Name is 1-256 characters of A-Z, a-z, 0-9, _ and -");
            }
            if (value == null || !TAG_VALUE.matcher(value).matches()) {
                throw badRequest("EmailTags: the Value of " + name + " is 1-256 characters of A-Z, a-z, 0-9, _, -, . and @");
            }
            if (found.put(name, value) != null) {
                throw badRequest("EmailTags: " + name + " is given twice");
            }
        }
        return found;
    }

    private void publish(String messageId, Instant at, String fromHeader, String fromAddress, List<String> recipients,
                         String subject, Map<String, String> tags, String configurationSet) {
        ObjectNode mail = JSON.createObjectNode();
        mail.put("timestamp", at.toString());
        mail.put("source", fromHeader);
        String domain = fromAddress.substring(fromAddress.indexOf('@') + 1);
        mail.put("sourceArn", "arn:aws:ses:" + PseudoParameters.REGION + ":" + PseudoParameters.ACCOUNT_ID
                + ":identity/" + domain);
        mail.put("sendingAccountId", PseudoParameters.ACCOUNT_ID);
        mail.put("messageId", messageId);
        ArrayNode destination = mail.putArray("destination");
        recipients.forEach(destination::add);
        mail.put("headersTruncated", false);
        ObjectNode common = mail.putObject("commonHeaders");
        common.putArray("from").add(fromHeader);
        ArrayNode to = common.putArray("to");
        recipients.forEach(to::add);
        common.put("messageId", messageId);
        common.put("subject", subject);
        ObjectNode tagLists = mail.putObject("tags");
        tagLists.putArray("ses:configuration-set").add(configurationSet);
        tagLists.putArray("ses:source-ip").add("127.0.0.1");
        tagLists.putArray("ses:from-domain").add(domain);
        tagLists.putArray("ses:caller-identity").add("dialog-local");
        tags.forEach((name, value) -> tagLists.putArray(name).add(value));

        ObjectNode sent = JSON.createObjectNode().put("eventType", "Send");
        sent.set("mail", mail);
        sent.putObject("send");
        ObjectNode delivered = JSON.createObjectNode().put("eventType", "Delivery");
        delivered.set("mail", mail);
        ObjectNode delivery = delivered.putObject("delivery");
        delivery.put("timestamp", at.toString());
        delivery.put("processingTimeMillis", 0);
        ArrayNode deliveredTo = delivery.putArray("recipients");
        recipients.forEach(deliveredTo::add);
        delivery.put("smtpResponse", "250 2.6.0 Message received (Dialog local SES sandbox)");
        delivery.put("reportingMTA", "sandbox.ses.dialog.local");

        List<String> resources = List.of(Arns.sesConfigurationSet(configurationSet));
        bus.putServiceEvent(new PutEventsEntry("aws.ses", "Email Sent", sent.toString(), null, resources, at));
        bus.putServiceEvent(new PutEventsEntry("aws.ses", "Email Delivered", delivered.toString(), null, resources, at));
    }

    private void showHtml(HttpExchange exchange, String messageId) throws IOException {
        OutboxMessage message = outbox.find(messageId).filter(m -> "email".equals(m.channel())).orElse(null);
        if (message == null) {
            send(exchange, 404, JSON.createObjectNode().put("message", "no e-mail with that MessageId in the outbox"),
                    "NotFoundException");
            return;
        }
        String html = message.html() != null ? message.html()
                : "<pre>" + escape(message.text() == null ? "" : message.text()) + "</pre>";
        byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        // The e-mail's HTML runs in an opaque origin with no scripts: it cannot touch the console.
        exchange.getResponseHeaders().set("Content-Security-Policy", "sandbox; script-src 'none'");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static boolean verified(String address) {
        String domain = address.substring(address.indexOf('@') + 1).toLowerCase(Locale.ROOT);
        return VERIFIED_SUFFIXES.stream().anyMatch(domain::endsWith);
    }

    private static InternetAddress mailbox(String header, String field) {
        if (!StandardCharsets.US_ASCII.newEncoder().canEncode(header)) {
            throw badRequest(field + ": a name with non-ASCII characters must be MIME-encoded (RFC 2047)");
        }
        try {
            InternetAddress address = new InternetAddress(header, true);
            if (EmailAddresses.normalise(address.getAddress()).isEmpty()) {
                throw badRequest(field + " is not a valid address");
            }
            return address;
        } catch (AddressException e) {
            throw badRequest(field + " is not a valid address");
        }
    }

    private static List<String> addresses(JsonNode parent, String field) {
        JsonNode list = parent.path(field);
        List<String> found = new ArrayList<>();
        if (list.isMissingNode() || list.isNull()) {
            return found;
        }
        if (!list.isArray()) {
            throw badRequest(field + " must be a list");
        }
        for (JsonNode address : list) {
            if (!address.isTextual() || EmailAddresses.normalise(mailbox(address.asText(), field).getAddress()).isEmpty()) {
                throw badRequest(field + " has an address that is not valid");
            }
            found.add(mailbox(address.asText(), field).getAddress());
        }
        return found;
    }

    private static void charset(JsonNode content, String where) {
        String charset = text(content, "Charset");
        if (charset != null && !Set.of("UTF-8", "ISO-8859-1", "SHIFT_JIS", "US-ASCII")
                .contains(charset.toUpperCase(Locale.ROOT))) {
            throw badRequest(where + ".Charset is not supported: " + charset);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw badRequest(field + " must be a string");
        }
        return value.asText().isEmpty() ? null : value.asText();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static Refused badRequest(String message) {
        return new Refused(400, "BadRequestException", message);
    }

    private static void send(HttpExchange exchange, int status, JsonNode body, String errorType) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
        if (errorType != null) {
            exchange.getResponseHeaders().set("x-amzn-ErrorType", errorType);
        }
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private record Email(String subject, String text, String html, String from, List<String> recipients) {}

    /** A request SES would refuse: its status, error type and message. */
    private static final class Refused extends RuntimeException {
        final int status;
        final String type;

        Refused(int status, String type, String message) {
            super(message);
            this.status = status;
            this.type = type;
        }
    }
}
